"""Amazon SES email receiving: the receipt rule event (Lambda, S3 and SNS actions)."""

from __future__ import annotations

from powerkit.events._base import DictWrapper, cached
from powerkit.events._fields import nested, optional, required
from powerkit.events._headers import Headers


class _SESWrapper(DictWrapper):
    __slots__ = ()
    _source = "SES"


class SESMailCommonHeaders(_SESWrapper):
    """The usual headers, parsed by SES (``mail.commonHeaders``)."""

    __slots__ = ()
    return_path = optional("returnPath", str, "The Return-Path address.")
    from_ = optional("from", list[str], "The From addresses (``from``).")
    sender = optional("sender", str, "The Sender address.")
    to = optional("to", list[str], "The To addresses.")
    cc = optional("cc", list[str], "The Cc addresses.")
    bcc = optional("bcc", list[str], "The Bcc addresses.")
    reply_to = optional("replyTo", list[str], "The Reply-To addresses.")
    date = optional("date", str, "The Date header.")
    message_id = optional("messageId", str, "The Message-ID header.")
    subject = optional("subject", str, "The Subject header.")


class SESMail(_SESWrapper):
    """The received message (``ses.mail``)."""

    __slots__ = ()
    _id_key = "messageId"
    message_id = required("messageId", str, "SES's id of the message.")
    timestamp = required("timestamp", str, "When SES received it.")
    source = required("source", str, "The envelope MAIL FROM address.")
    destination = required("destination", list[str], "The envelope RCPT TO addresses.")
    headers_truncated = optional("headersTruncated", bool, "True when headers were cut.")
    common_headers = nested("commonHeaders", SESMailCommonHeaders, "The usual headers.")

    @property
    def raw_headers(self) -> list[dict[str, str]]:
        """All headers as sent: ``[{"name": ..., "value": ...}]`` in order."""
        value: list[dict[str, str]] = self._data.get("headers") or []
        return value

    @cached
    def headers(self) -> Headers:
        """All headers by name, case-insensitive; repeated headers (Received) joined."""
        merged: dict[str, list[str]] = {}
        for header in self.raw_headers:
            merged.setdefault(header["name"], []).append(header["value"])
        return Headers(merged)


class SESReceiptAction(_SESWrapper):
    """The receipt rule action that delivered the event (``receipt.action``)."""

    __slots__ = ()
    type = required("type", str, "``Lambda``, ``S3`` or ``SNS``.")
    invocation_type = optional("invocationType", str, "Lambda: ``Event`` or ``RequestResponse``.")
    function_arn = optional("functionArn", str, "Lambda: the function.")
    topic_arn = optional("topicArn", str, "S3/SNS: the notification topic.")
    bucket_name = optional("bucketName", str, "S3: the bucket the message was saved to.")
    object_key = optional("objectKey", str, "S3: the key the message was saved under.")


class SESReceipt(_SESWrapper):
    """How SES handled the message (``ses.receipt``)."""

    __slots__ = ()
    timestamp = required("timestamp", str, "When the receipt rule ran.")
    processing_time_millis = required("processingTimeMillis", int, "SES processing time.")
    recipients = required("recipients", list[str], "Recipients the rule matched.")
    dmarc_policy = optional("dmarcPolicy", str, "The sender domain's DMARC policy.")
    action = nested("action", SESReceiptAction, "The action that delivered this event.")

    def _verdict(self, key: str) -> str | None:
        value: str | None = self._opt_in(key, "status")
        return value

    @property
    def spam_verdict(self) -> str | None:
        """``PASS``, ``FAIL``, ``GRAY`` or ``PROCESSING_FAILED`` (``spamVerdict.status``)."""
        return self._verdict("spamVerdict")

    @property
    def virus_verdict(self) -> str | None:
        """Virus scan result (``virusVerdict.status``)."""
        return self._verdict("virusVerdict")

    @property
    def spf_verdict(self) -> str | None:
        """SPF check result (``spfVerdict.status``)."""
        return self._verdict("spfVerdict")

    @property
    def dkim_verdict(self) -> str | None:
        """DKIM check result (``dkimVerdict.status``)."""
        return self._verdict("dkimVerdict")

    @property
    def dmarc_verdict(self) -> str | None:
        """DMARC check result (``dmarcVerdict.status``)."""
        return self._verdict("dmarcVerdict")


class SESMessage(_SESWrapper):
    """The mail and its receipt (``Records[].ses``)."""

    __slots__ = ()
    mail = nested("mail", SESMail, "The received message.")
    receipt = nested("receipt", SESReceipt, "How SES handled it.")


class SESEventRecord(_SESWrapper):
    """One received message (``Records[]``)."""

    __slots__ = ()
    event_source = required("eventSource", str, "Always ``aws:ses``.")
    event_version = required("eventVersion", str, "Version of the record format.")
    ses = nested("ses", SESMessage, "The mail and its receipt.")


class SESEvent(_SESWrapper):
    """The event an SES receipt rule's Lambda action sends."""

    __slots__ = ()

    @cached
    def records(self) -> list[SESEventRecord]:
        """The received messages (``Records``; SES sends one)."""
        return self._wrap_list(SESEventRecord, "Records")

    @property
    def mail(self) -> SESMail:
        """The first record's mail."""
        return self._first().ses.mail

    @property
    def receipt(self) -> SESReceipt:
        """The first record's receipt."""
        return self._first().ses.receipt

    def _first(self) -> SESEventRecord:
        records = self.records
        if not records:
            raise self._missing("Records", 0)
        return records[0]
