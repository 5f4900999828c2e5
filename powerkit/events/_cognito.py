"""Amazon Cognito user pool triggers: sign-up, confirmation, authentication, migration,
messages and custom senders. Challenge and token triggers live in ``_cognito_auth``.

Triggers answer by returning the event with ``response`` filled in: the ``response``
wrappers have assignable properties that write into the raw event, so a handler ends
with ``return event.raw_event``.
"""

from __future__ import annotations

from typing import Any

from powerkit.events._base import DictWrapper
from powerkit.events._fields import optional, required, writable


class _CognitoWrapper(DictWrapper):
    __slots__ = ()
    _source = "Cognito user pool"


class CallerContext(_CognitoWrapper):
    """Who called Cognito (``callerContext``)."""

    __slots__ = ()

    @property
    def aws_sdk_version(self) -> str | None:
        """The caller's AWS SDK version (``awsSdkVersion``; some triggers say ``awsSdk``)."""
        value: str | None = self._data.get("awsSdkVersion") or self._data.get("awsSdk")
        return value

    client_id = required("clientId", str, "The app client id.")


class UserTriggerRequest(_CognitoWrapper):
    """The ``request`` fields most triggers share: user attributes and client metadata."""

    __slots__ = ()
    user_attributes = optional("userAttributes", dict[str, str], "The user's attributes, by name.")
    client_metadata = optional(
        "clientMetadata", dict[str, str], "Metadata the app passed to the API call."
    )


class BaseTriggerEvent(_CognitoWrapper):
    """Fields common to every user pool trigger."""

    __slots__ = ()
    version = required("version", str, "The trigger event version.")
    region = required("region", str, "The user pool's region.")
    user_pool_id = required("userPoolId", str, "The user pool id.")
    trigger_source = required("triggerSource", str, "The exact trigger, e.g. ``PreSignUp_SignUp``.")
    user_name = optional("userName", str, "The user's name, when known.")

    @property
    def caller_context(self) -> CallerContext:
        """Who called Cognito (``callerContext``)."""
        return CallerContext(self._req("callerContext"), self._child("callerContext"))

    def _response(self) -> dict[str, Any]:
        # Cognito sends "response": {} or null; create it so assignments can land.
        response: dict[str, Any] | None = self._data.get("response")
        if response is None:
            response = self._data["response"] = {}
        return response


# -- sign-up and confirmation ---------------------------------------------------------


class PreSignUpTriggerEventRequest(UserTriggerRequest):
    """``request`` of the pre sign-up trigger."""

    __slots__ = ()
    validation_data = optional("validationData", dict[str, str], "Validation data sent.")


class PreSignUpTriggerEventResponse(_CognitoWrapper):
    """``response`` of the pre sign-up trigger (assignable)."""

    __slots__ = ()
    auto_confirm_user = writable("autoConfirmUser", bool, "Confirm the user now.")
    auto_verify_phone = writable("autoVerifyPhone", bool, "Mark the phone number verified.")
    auto_verify_email = writable("autoVerifyEmail", bool, "Mark the email verified.")


class PreSignUpTriggerEvent(BaseTriggerEvent):
    """Pre sign-up: accept, reject (raise) or auto-confirm a sign-up."""

    __slots__ = ()

    @property
    def request(self) -> PreSignUpTriggerEventRequest:
        """The sign-up request."""
        return PreSignUpTriggerEventRequest(self._req("request"), self._child("request"))

    @property
    def response(self) -> PreSignUpTriggerEventResponse:
        """What to answer (written into the raw event)."""
        return PreSignUpTriggerEventResponse(self._response(), self._child("response"))


class PostConfirmationTriggerEvent(BaseTriggerEvent):
    """Post confirmation: the user confirmed sign-up (or a forgotten password)."""

    __slots__ = ()

    @property
    def request(self) -> UserTriggerRequest:
        """The user's attributes and client metadata."""
        return UserTriggerRequest(self._req("request"), self._child("request"))


# -- authentication -------------------------------------------------------------------


class PreAuthenticationTriggerEventRequest(UserTriggerRequest):
    """``request`` of the pre authentication trigger."""

    __slots__ = ()
    user_not_found = optional("userNotFound", bool, "True when the user does not exist.")
    validation_data = optional("validationData", dict[str, str], "Validation data sent.")


class PreAuthenticationTriggerEvent(BaseTriggerEvent):
    """Pre authentication: allow or deny (raise) a sign-in attempt."""

    __slots__ = ()

    @property
    def request(self) -> PreAuthenticationTriggerEventRequest:
        """The sign-in attempt."""
        return PreAuthenticationTriggerEventRequest(self._req("request"), self._child("request"))


class PostAuthenticationTriggerEventRequest(UserTriggerRequest):
    """``request`` of the post authentication trigger."""

    __slots__ = ()
    new_device_used = optional("newDeviceUsed", bool, "True on a device not seen before.")


class PostAuthenticationTriggerEvent(BaseTriggerEvent):
    """Post authentication: the user signed in."""

    __slots__ = ()

    @property
    def request(self) -> PostAuthenticationTriggerEventRequest:
        """The sign-in."""
        return PostAuthenticationTriggerEventRequest(self._req("request"), self._child("request"))


# -- user migration -------------------------------------------------------------------


class UserMigrationTriggerEventRequest(_CognitoWrapper):
    """``request`` of the user migration trigger."""

    __slots__ = ()
    password = optional("password", str, "The password entered (authentication flow).")
    validation_data = optional("validationData", dict[str, str], "Validation data sent.")
    client_metadata = optional("clientMetadata", dict[str, str], "Metadata from the app.")


class UserMigrationTriggerEventResponse(_CognitoWrapper):
    """``response`` of the user migration trigger (assignable)."""

    __slots__ = ()
    user_attributes = writable("userAttributes", dict[str, str], "Attributes to create.")
    final_user_status = writable("finalUserStatus", str, "``CONFIRMED`` or ``RESET_REQUIRED``.")
    message_action = writable("messageAction", str, "``SUPPRESS`` to skip the welcome message.")
    desired_delivery_mediums = writable(
        "desiredDeliveryMediums", list[str], "``EMAIL`` and/or ``SMS`` for the welcome message."
    )
    force_alias_creation = writable("forceAliasCreation", bool, "Move an alias to this user.")


class UserMigrationTriggerEvent(BaseTriggerEvent):
    """User migration: import a user from your old directory at first sign-in."""

    __slots__ = ()

    @property
    def request(self) -> UserMigrationTriggerEventRequest:
        """The attempt (password for authentication flows)."""
        return UserMigrationTriggerEventRequest(self._req("request"), self._child("request"))

    @property
    def response(self) -> UserMigrationTriggerEventResponse:
        """The migrated user (written into the raw event)."""
        return UserMigrationTriggerEventResponse(self._response(), self._child("response"))


# -- messages -------------------------------------------------------------------------


class CustomMessageTriggerEventRequest(UserTriggerRequest):
    """``request`` of the custom message trigger."""

    __slots__ = ()
    code_parameter = optional("codeParameter", str, "Placeholder for the code, e.g. ``{####}``.")
    link_parameter = optional("linkParameter", str, "Placeholder for the verification link.")
    username_parameter = optional("usernameParameter", str, "Placeholder for the user name.")


class CustomMessageTriggerEventResponse(_CognitoWrapper):
    """``response`` of the custom message trigger (assignable)."""

    __slots__ = ()
    sms_message = writable("smsMessage", str, "The SMS text; must contain the code parameter.")
    email_message = writable("emailMessage", str, "The email body; must contain the code.")
    email_subject = writable("emailSubject", str, "The email subject.")


class CustomMessageTriggerEvent(BaseTriggerEvent):
    """Custom message: write the verification, invitation or MFA message yourself."""

    __slots__ = ()

    @property
    def request(self) -> CustomMessageTriggerEventRequest:
        """The message context and its placeholders."""
        return CustomMessageTriggerEventRequest(self._req("request"), self._child("request"))

    @property
    def response(self) -> CustomMessageTriggerEventResponse:
        """The message to send (written into the raw event)."""
        return CustomMessageTriggerEventResponse(self._response(), self._child("response"))


class CustomSenderTriggerEventRequest(UserTriggerRequest):
    """``request`` of the custom email/SMS sender triggers."""

    __slots__ = ()
    type = required("type", str, "``customEmailSenderRequestV1`` or the SMS twin.")
    code = optional("code", str, "The code, encrypted with your KMS key (base64).")


class CustomEmailSenderTriggerEvent(BaseTriggerEvent):
    """Custom email sender: deliver Cognito's emails through your own provider."""

    __slots__ = ()

    @property
    def request(self) -> CustomSenderTriggerEventRequest:
        """What to send; decrypt ``code`` with the AWS Encryption SDK."""
        return CustomSenderTriggerEventRequest(self._req("request"), self._child("request"))


class CustomSMSSenderTriggerEvent(CustomEmailSenderTriggerEvent):
    """Custom SMS sender: deliver Cognito's text messages through your own provider."""

    __slots__ = ()
