"""Amazon Cognito user pool triggers: custom auth challenges, token generation and
inbound federation (responses are assignable, see ``_cognito``)."""

from __future__ import annotations

from typing import Any

from powerkit.events._base import DictWrapper
from powerkit.events._cognito import BaseTriggerEvent, UserTriggerRequest
from powerkit.events._fields import optional, required, writable


class ChallengeResult(DictWrapper):
    """One round of a custom authentication flow (``request.session[]``)."""

    __slots__ = ()
    _source = "Cognito user pool"
    challenge_name = required("challengeName", str, "``CUSTOM_CHALLENGE``, ``SRP_A``, ...")
    challenge_result = required("challengeResult", bool, "Whether the user answered correctly.")
    challenge_metadata = optional("challengeMetadata", str, "Your metadata for the round.")


class _ChallengeRequest(UserTriggerRequest):
    __slots__ = ()
    user_not_found = optional("userNotFound", bool, "True when the user does not exist.")

    @property
    def session(self) -> list[ChallengeResult]:
        """The rounds so far (``session``; empty on the first round)."""
        items: list[dict[str, Any]] = self._data.get("session") or []
        at = self._child("session")
        return [ChallengeResult(item, at) for item in items]


class DefineAuthChallengeTriggerEventRequest(_ChallengeRequest):
    """``request`` of the define auth challenge trigger."""

    __slots__ = ()


class DefineAuthChallengeTriggerEventResponse(DictWrapper):
    """``response`` of the define auth challenge trigger (assignable)."""

    __slots__ = ()
    _source = "Cognito user pool"
    challenge_name = writable("challengeName", str, "The next challenge to present.")
    issue_tokens = writable("issueTokens", bool, "True to finish and issue tokens.")
    fail_authentication = writable("failAuthentication", bool, "True to end the sign-in.")


class DefineAuthChallengeTriggerEvent(BaseTriggerEvent):
    """Define auth challenge: decide the next step of a custom authentication flow."""

    __slots__ = ()

    @property
    def request(self) -> DefineAuthChallengeTriggerEventRequest:
        """The flow so far."""
        return DefineAuthChallengeTriggerEventRequest(self._req("request"), self._child("request"))

    @property
    def response(self) -> DefineAuthChallengeTriggerEventResponse:
        """The decision (written into the raw event)."""
        return DefineAuthChallengeTriggerEventResponse(self._response(), self._child("response"))


class CreateAuthChallengeTriggerEventRequest(_ChallengeRequest):
    """``request`` of the create auth challenge trigger."""

    __slots__ = ()
    challenge_name = required("challengeName", str, "The challenge to create.")


class CreateAuthChallengeTriggerEventResponse(DictWrapper):
    """``response`` of the create auth challenge trigger (assignable)."""

    __slots__ = ()
    _source = "Cognito user pool"
    public_challenge_parameters = writable(
        "publicChallengeParameters", dict[str, str], "Sent to the client app."
    )
    private_challenge_parameters = writable(
        "privateChallengeParameters", dict[str, str], "Kept for the verify trigger (answers)."
    )
    challenge_metadata = writable("challengeMetadata", str, "Your name for this round.")


class CreateAuthChallengeTriggerEvent(BaseTriggerEvent):
    """Create auth challenge: build the challenge the user must answer."""

    __slots__ = ()

    @property
    def request(self) -> CreateAuthChallengeTriggerEventRequest:
        """The challenge to create and the flow so far."""
        return CreateAuthChallengeTriggerEventRequest(self._req("request"), self._child("request"))

    @property
    def response(self) -> CreateAuthChallengeTriggerEventResponse:
        """The challenge (written into the raw event)."""
        return CreateAuthChallengeTriggerEventResponse(self._response(), self._child("response"))


class VerifyAuthChallengeResponseTriggerEventRequest(UserTriggerRequest):
    """``request`` of the verify auth challenge response trigger."""

    __slots__ = ()
    private_challenge_parameters = optional(
        "privateChallengeParameters", dict[str, str], "What the create trigger kept."
    )
    challenge_answer = optional("challengeAnswer", str, "The user's answer.")
    user_not_found = optional("userNotFound", bool, "True when the user does not exist.")


class VerifyAuthChallengeResponseTriggerEventResponse(DictWrapper):
    """``response`` of the verify trigger (assignable)."""

    __slots__ = ()
    _source = "Cognito user pool"
    answer_correct = writable("answerCorrect", bool, "Whether the answer is right.")


class VerifyAuthChallengeResponseTriggerEvent(BaseTriggerEvent):
    """Verify auth challenge response: check the user's answer."""

    __slots__ = ()

    @property
    def request(self) -> VerifyAuthChallengeResponseTriggerEventRequest:
        """The answer and the expected values."""
        return VerifyAuthChallengeResponseTriggerEventRequest(
            self._req("request"), self._child("request")
        )

    @property
    def response(self) -> VerifyAuthChallengeResponseTriggerEventResponse:
        """The verdict (written into the raw event)."""
        return VerifyAuthChallengeResponseTriggerEventResponse(
            self._response(), self._child("response")
        )


class GroupConfiguration(DictWrapper):
    """The user's groups (``request.groupConfiguration``)."""

    __slots__ = ()
    _source = "Cognito user pool"
    groups_to_override = optional("groupsToOverride", list[str], "The user's groups.")
    iam_roles_to_override = optional("iamRolesToOverride", list[str], "Their IAM roles.")
    preferred_role = optional("preferredRole", str, "The preferred IAM role.")


class PreTokenGenerationTriggerEventRequest(UserTriggerRequest):
    """``request`` of the pre token generation trigger (v1, v2 and v3 events)."""

    __slots__ = ()
    scopes = optional("scopes", list[str], "Requested OAuth scopes (v2 and later events).")

    @property
    def group_configuration(self) -> GroupConfiguration:
        """The user's groups and roles."""
        return GroupConfiguration(
            self._data.get("groupConfiguration") or {}, self._child("groupConfiguration")
        )


class PreTokenGenerationTriggerEventResponse(DictWrapper):
    """``response`` of the pre token generation trigger (assignable).

    Use ``claims_override_details`` with v1 events and ``claims_and_scope_override_details``
    with v2 and later events (``version`` "2" or "3").
    """

    __slots__ = ()
    _source = "Cognito user pool"
    claims_override_details = writable(
        "claimsOverrideDetails", dict[str, Any], "v1: claims to add/suppress, group overrides."
    )
    claims_and_scope_override_details = writable(
        "claimsAndScopeOverrideDetails", dict[str, Any], "v2+: ID/access token claims, scopes."
    )


class PreTokenGenerationTriggerEvent(BaseTriggerEvent):
    """Pre token generation: add, change or suppress token claims (and scopes in v2+)."""

    __slots__ = ()

    @property
    def request(self) -> PreTokenGenerationTriggerEventRequest:
        """The user, groups and requested scopes."""
        return PreTokenGenerationTriggerEventRequest(self._req("request"), self._child("request"))

    @property
    def response(self) -> PreTokenGenerationTriggerEventResponse:
        """The overrides (written into the raw event)."""
        return PreTokenGenerationTriggerEventResponse(self._response(), self._child("response"))


class InboundFederationTriggerEventRequest(DictWrapper):
    """``request`` of the inbound federation trigger."""

    __slots__ = ()
    _source = "Cognito user pool"
    provider_name = required("providerName", str, "The identity provider's name.")
    provider_type = required("providerType", str, "``OIDC``, ``SAML``, ``Facebook``, ...")
    attributes = optional("attributes", dict[str, Any], "What the provider sent.")


class InboundFederationTriggerEventResponse(DictWrapper):
    """``response`` of the inbound federation trigger (assignable)."""

    __slots__ = ()
    _source = "Cognito user pool"
    user_attributes_to_map = writable(
        "userAttributesToMap", dict[str, str], "User pool attributes to set for the user."
    )


class InboundFederationTriggerEvent(BaseTriggerEvent):
    """Inbound federation: map a federated identity's attributes to user pool attributes."""

    __slots__ = ()

    @property
    def request(self) -> InboundFederationTriggerEventRequest:
        """The provider and its attributes."""
        return InboundFederationTriggerEventRequest(self._req("request"), self._child("request"))

    @property
    def response(self) -> InboundFederationTriggerEventResponse:
        """The attribute mapping (written into the raw event)."""
        return InboundFederationTriggerEventResponse(self._response(), self._child("response"))
