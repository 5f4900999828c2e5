"""AWS CodePipeline jobs and CodeDeploy lifecycle hooks: the CI/CD events Lambda receives."""

from __future__ import annotations

from typing import Any

from powerkit.events._base import DictWrapper, cached
from powerkit.events._fields import nested, optional, optional_nested, required


class _PipelineWrapper(DictWrapper):
    __slots__ = ()
    _source = "CodePipeline"


class CodePipelineS3Location(_PipelineWrapper):
    """Where an artifact is stored (``location.s3Location``)."""

    __slots__ = ()
    bucket_name = required("bucketName", str, "The artifact bucket.")
    object_key = required("objectKey", str, "The artifact's key.")


class CodePipelineArtifact(_PipelineWrapper):
    """An input or output artifact."""

    __slots__ = ()
    name = required("name", str, "The artifact name.")
    revision = optional("revision", str, "The source revision, when known.")

    @property
    def location_type(self) -> str | None:
        """The store type, ``S3`` (``location.type``)."""
        value: str | None = self._opt_in("location", "type")
        return value

    @property
    def s3_location(self) -> CodePipelineS3Location:
        """The artifact's bucket and key (``location.s3Location``)."""
        value: dict[str, Any] = self._req_in("location", "s3Location")
        return CodePipelineS3Location(value, self._child("location"))


class CodePipelineArtifactCredentials(_PipelineWrapper):
    """Temporary credentials for the artifact bucket (``artifactCredentials``)."""

    __slots__ = ()
    access_key_id = required("accessKeyId", str, "Access key id.")
    secret_access_key = required("secretAccessKey", str, "Secret access key.")
    session_token = required("sessionToken", str, "Session token.")
    expiration_time = optional("expirationTime", int, "Expiry, epoch ms.")


class CodePipelineEncryptionKey(_PipelineWrapper):
    """The KMS key of the artifact store (``encryptionKey``)."""

    __slots__ = ()
    id = required("id", str, "The key id or ARN.")
    type = required("type", str, "Always ``KMS``.")


class CodePipelineData(_PipelineWrapper):
    """The job's data (``data``)."""

    __slots__ = ()
    artifact_credentials = nested(
        "artifactCredentials", CodePipelineArtifactCredentials, "Credentials for artifacts."
    )
    encryption_key = optional_nested(
        "encryptionKey", CodePipelineEncryptionKey, "The artifact store's KMS key, if any."
    )
    continuation_token = optional("continuationToken", str, "Set when re-invoked to continue.")

    @property
    def user_parameters(self) -> str | None:
        """The action's UserParameters (``actionConfiguration.configuration``)."""
        value: str | None = self._opt_in("actionConfiguration", "configuration", "UserParameters")
        return value or None

    @property
    def function_name(self) -> str | None:
        """The invoked function's name, as configured on the action."""
        value: str | None = self._opt_in("actionConfiguration", "configuration", "FunctionName")
        return value

    @cached
    def input_artifacts(self) -> list[CodePipelineArtifact]:
        """The action's input artifacts."""
        return self._wrap_list(CodePipelineArtifact, "inputArtifacts")

    @cached
    def output_artifacts(self) -> list[CodePipelineArtifact]:
        """The action's output artifacts."""
        return self._wrap_list(CodePipelineArtifact, "outputArtifacts")


class CodePipelineJobEvent(_PipelineWrapper):
    """The event of a CodePipeline Lambda invoke action (``CodePipeline.job``).

    Report the outcome with ``codepipeline.put_job_success_result(jobId=event.job_id)`` or
    ``put_job_failure_result``.
    """

    __slots__ = ()

    @property
    def job_id(self) -> str:
        """The job id to report back (``CodePipeline.job.id``)."""
        value: str = self._req_in("CodePipeline.job", "id")
        return value

    @property
    def account_id(self) -> str:
        """The pipeline's account (``CodePipeline.job.accountId``)."""
        value: str = self._req_in("CodePipeline.job", "accountId")
        return value

    @cached
    def data(self) -> CodePipelineData:
        """The job's data: configuration, artifacts, credentials."""
        value: dict[str, Any] = self._req_in("CodePipeline.job", "data")
        return CodePipelineData(value, self._child("CodePipeline.job"))

    @property
    def user_parameters(self) -> str | None:
        """The action's UserParameters (None when empty)."""
        return self.data.user_parameters


class CodeDeployLifecycleHookEvent(DictWrapper):
    """A CodeDeploy lifecycle hook (Lambda/ECS deployments, e.g. ``BeforeAllowTraffic``).

    Report the outcome with ``codedeploy.put_lifecycle_event_hook_execution_status``.
    """

    __slots__ = ()
    _source = "CodeDeploy"
    deployment_id = required("DeploymentId", str, "The deployment id.")
    lifecycle_event_hook_execution_id = required(
        "LifecycleEventHookExecutionId", str, "The hook execution id to report on."
    )
