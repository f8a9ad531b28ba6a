"""E-mailing the report to the Standing Committee, against a real SMTP server on the loopback."""

from __future__ import annotations

import csv
import hashlib
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from thidua.cli import app
from thidua.deliver.distribution import Retry, distribute, outcome_dict
from thidua.deliver.recipients import (DELIVERED, FAILED, LOG_NAME, DistributionError, Recipient,
                                       load_recipients, read_log)
from thidua.deliver.mail import compose_message
from thidua.deliver.smtp import MailError, send_message, smtp_settings
from thidua.publish.published import NotPublished, load_published
from thidua.settings import REPO_ROOT
from mailserver import PEOPLE, Handler, MailServer, attachment, free_port, write_recipients

runner = CliRunner()
PDF_NAME = "bao-cao-dan-van-kheo-2024.pdf"
#: The name the PDF carries in the mail (``thidua.deliver.mail.attachment_name``), by version.
SENT_NAME = "Báo cáo Dân vận khéo năm 2024 - bản số {}.pdf".format
#: Each test version's report date (ISO, as manifests write it).
REPORT_DATES = {1: "2024-12-05", 2: "2024-12-20", 3: "2025-01-06"}
FAST = Retry(attempts=3, wait_initial=0.01, wait_max=0.05)


def _manifest(pdf: bytes, **version) -> bytes:
    outputs = [{"path": PDF_NAME, "sha256": hashlib.sha256(pdf).hexdigest()}]
    return json.dumps({"year": 2024, **version, "outputs": outputs}).encode()


def publish_versions(out: Path, pdfs: list[bytes], changes: list[str]) -> Path:
    """``versions/v1..vN`` (the last with ``changes``) and a copy of the last on top."""
    for number, pdf in enumerate(pdfs, start=1):
        folder = out / "versions" / f"v{number}"
        folder.mkdir(parents=True)
        replaces = {"version": number - 1, "date": "2024-12-05"} if number > 1 else None
        manifest = _manifest(pdf, version=number, replaces=replaces,
                             report_date=REPORT_DATES[number],
                             changes=changes if number == len(pdfs) else [])
        for target in (folder, out):
            (target / PDF_NAME).write_bytes(pdf)
            (target / "manifest.json").write_bytes(manifest)
    return out


def log_lines(out: Path) -> list[dict]:
    return read_log(out / LOG_NAME)


# --- which version ------------------------------------------------------------------------

def test_the_latest_and_a_given_version_are_read_from_their_own_folders(tmp_path):
    out = publish_versions(tmp_path / "2024", [b"%PDF v1", b"%PDF v2"], ["Q-DD gửi lại tệp"])
    latest = load_published(out, 2024)
    assert latest.version == 2 and latest.folder == out / "versions" / "v2"
    assert latest.replaces == {"version": 1, "date": "2024-12-05"}
    assert latest.changes == ["Q-DD gửi lại tệp"]
    first = load_published(out, 2024, version=1)
    assert first.pdf.read_bytes() == b"%PDF v1" and first.changes == []
    with pytest.raises(NotPublished, match=r"hiện có: v1, v2"):
        load_published(out, 2024, version=3)


def test_a_pdf_changed_after_publishing_is_not_sent(tmp_path):
    out = publish_versions(tmp_path / "2024", [b"%PDF-1.7 one"], [])
    (out / "versions" / "v1" / PDF_NAME).write_bytes(b"%PDF-1.7 edited by hand")
    with pytest.raises(NotPublished, match="khác với tệp đã ghi trong manifest.json"):
        load_published(out, 2024)


def test_no_report_yet_says_to_run_first(tmp_path):
    with pytest.raises(NotPublished, match="thidua run --year 2024"):
        load_published(tmp_path / "2024", 2024)


# --- recipients and settings ---------------------------------------------------------------

def test_the_bundled_recipients_are_fourteen_fictional_members():
    people = load_recipients(REPO_ROOT / "data" / "reference" / "recipients.csv")
    assert len(people) == 14
    assert all(p.email.endswith("@example.org") and p.name and p.role for p in people)
    assert people[0].role == "Chủ tịch"


@pytest.mark.parametrize("text, message", [
    ("name,role\nA,Ủy viên\n", "thiếu cột email"),
    ("name,email,role\nA,not-an-address,Ủy viên\n", "dòng 2: địa chỉ e-mail 'not-an-address'"),
    ("name,email,role\nA,a@example.org,x\nB,A@Example.org,y\n", "dòng 3: địa chỉ A@Example.org bị lặp"),
    ("name,email,role\n", "không có ai"),
])
def test_an_unusable_recipients_file_is_refused_with_the_reason(tmp_path, text, message):
    path = tmp_path / "recipients.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DistributionError, match=message):
        load_recipients(path)


def test_smtp_settings_come_from_the_environment_over_the_secret_block():
    secret = {"host": "mail.example.org", "user": "bao-cao", "password": "s3cret",
              "sender": "bao-cao@example.org"}
    settings = smtp_settings({"THIDUA_SMTP_PORT": "2525"}, secret)
    assert (settings.host, settings.port, settings.security) == ("mail.example.org", 2525, "starttls")
    assert (settings.user, settings.password) == ("bao-cao", "s3cret")
    only_password = smtp_settings({"THIDUA_SMTP_HOST": "smtp.example.org",
                                   "THIDUA_SMTP_SECURITY": "ssl",
                                   "THIDUA_SMTP_SENDER": "a@example.org"}, "pw")
    assert (only_password.port, only_password.password) == (465, "pw")


@pytest.mark.parametrize("environ, message", [
    ({}, "thiếu THIDUA_SMTP_HOST"),
    ({"THIDUA_SMTP_HOST": "h"}, "thiếu THIDUA_SMTP_SENDER"),
    ({"THIDUA_SMTP_HOST": "h", "THIDUA_SMTP_SENDER": "a@example.org",
      "THIDUA_SMTP_SECURITY": "tls"}, "'tls' không hợp lệ"),
    ({"THIDUA_SMTP_HOST": "smtp.example.org", "THIDUA_SMTP_SENDER": "a@example.org",
      "THIDUA_SMTP_SECURITY": "none", "THIDUA_SMTP_PASSWORD": "pw"}, "không mã hóa"),
])
def test_missing_or_unsafe_smtp_settings_are_refused(environ, message):
    with pytest.raises(MailError, match=message):
        smtp_settings(environ)


def test_the_message_names_the_version_and_what_changed(tmp_path):
    out = publish_versions(tmp_path / "2024", [b"%PDF v1", b"%PDF v2"],
                           ["Q-DD gửi lại tệp: thêm 3 mô hình", "Tổng số: 8.333 → 8.336"])
    published = load_published(out, 2024)
    message = compose_message(published, "Trần Văn Minh", "minh@example.org",
                              "vanphong@example.org", b"%PDF v2", "Phó Chủ tịch")
    assert message["Subject"] == ("Báo cáo “Dân vận khéo” năm 2024 - bản số 2 "
                                  "(thay thế bản số 1)")
    assert message["To"] == "Trần Văn Minh <minh@example.org>"
    text = message.get_body(("plain",)).get_content()
    assert text.startswith("Kính gửi đồng chí Trần Văn Minh, Phó Chủ tịch,")
    assert "bản số 2" in text and "thay thế bản số 1 ngày 05/12/2024" in text
    assert "  - Q-DD gửi lại tệp: thêm 3 mô hình\n  - Tổng số: 8.333 → 8.336" in text
    assert published.pdf_sha256 in text
    assert attachment(message) == (SENT_NAME(2), b"%PDF v2")
    assert "(tệp đính kèm Báo cáo Dân vận khéo năm 2024 - bản số 2.pdf)" in text
    assert "thay thế bởi" not in text  # version 2 is the one in force


# --- sending, with a real server -----------------------------------------------------------

def _send(server: MailServer):
    settings = smtp_settings(server.environ)
    return settings.sender, lambda message: send_message(settings, message)


def test_every_recipient_gets_the_pdf_once_and_every_send_is_logged(tmp_path):
    pdf = b"%PDF-1.7 the report"
    out = publish_versions(tmp_path / "2024", [b"%PDF old", pdf], ["Q-DD gửi lại tệp"])
    with MailServer() as server:
        sender, send = _send(server)
        outcome = distribute(load_published(out, 2024), PEOPLE, sender, send, out, retry=FAST)
    got = server.handler
    assert sorted(rcpt for _, rcpts in got.envelopes for rcpt in rcpts) == sorted(
        p.email for p in PEOPLE)
    assert all(len(rcpts) == 1 for _, rcpts in got.envelopes)  # one message per person
    for message in got.messages:
        assert "bản số 2" in message["Subject"]
        assert attachment(message) == (SENT_NAME(2), pdf)
    assert [d.result for d in outcome.deliveries] == [DELIVERED] * 3
    lines = log_lines(out)
    assert [(line["recipient"], line["version"], line["result"], line["error"]) for line in lines] == [
        (p.email, "2", DELIVERED, "") for p in PEOPLE]
    assert {line["pdf_sha256"] for line in lines} == {hashlib.sha256(pdf).hexdigest()}
    assert all(line["time"].endswith("+07:00") for line in lines)
    assert (out / LOG_NAME).read_bytes().startswith(b"\xef\xbb\xbftime,version,pdf_sha256")


def test_a_refused_recipient_is_logged_failed_the_others_delivered_and_a_rerun_sends_only_to_them(
        tmp_path):
    out = publish_versions(tmp_path / "2024", [b"%PDF-1.7 v1"], [])
    published = load_published(out, 2024)
    with MailServer(Handler(refuse={"nhung@example.org"})) as server:
        sender, send = _send(server)
        outcome = distribute(published, PEOPLE, sender, send, out, retry=FAST)
    assert outcome_dict(outcome)["failed"] == [
        {"recipient": "nhung@example.org",
         "error": "Máy chủ thư từ chối người nhận: 550 5.1.1 Mailbox unavailable"}]
    assert server.handler.rcpt_attempts.count("nhung@example.org") == 1  # 5xx: not retried
    assert sorted(r for _, rcpts in server.handler.envelopes for r in rcpts) == [
        "bao@example.org", "minh@example.org"]
    assert [(line["recipient"], line["result"], line["attempts"]) for line in log_lines(out)] == [
        ("minh@example.org", DELIVERED, "1"), ("nhung@example.org", FAILED, "1"),
        ("bao@example.org", DELIVERED, "1")]

    with MailServer() as fixed:
        sender, send = _send(fixed)
        again = distribute(published, PEOPLE, sender, send, out, retry=FAST)
    assert [r for _, rcpts in fixed.handler.envelopes for r in rcpts] == ["nhung@example.org"]
    assert [r.email for r in again.already] == ["minh@example.org", "bao@example.org"]
    assert [line["result"] for line in log_lines(out)] == [DELIVERED, FAILED, DELIVERED, DELIVERED]


def test_a_temporary_refusal_is_retried_with_backoff(tmp_path):
    out = publish_versions(tmp_path / "2024", [b"%PDF-1.7 v1"], [])
    handler = Handler(busy={"minh@example.org": 2, "bao@example.org": 5})
    with MailServer(handler) as server:
        sender, send = _send(server)
        outcome = distribute(load_published(out, 2024), PEOPLE, sender, send, out, retry=FAST)
    results = {d.recipient.email: (d.result, d.attempts) for d in outcome.deliveries}
    assert results == {"minh@example.org": (DELIVERED, 3), "nhung@example.org": (DELIVERED, 1),
                       "bao@example.org": (FAILED, 3)}
    assert "451 4.3.0 Try again later" in outcome.failed[0].error


def test_an_unreachable_server_fails_every_send_after_retries(tmp_path):
    out = publish_versions(tmp_path / "2024", [b"%PDF-1.7 v1"], [])
    settings = smtp_settings({"THIDUA_SMTP_HOST": "127.0.0.1", "THIDUA_SMTP_PORT": str(free_port()),
                              "THIDUA_SMTP_SECURITY": "none", "THIDUA_SMTP_SENDER": "a@example.org"})
    outcome = distribute(load_published(out, 2024), PEOPLE[:2], settings.sender,
                         lambda m: send_message(settings, m), out, retry=FAST)
    assert [(d.result, d.attempts) for d in outcome.deliveries] == [(FAILED, 3), (FAILED, 3)]
    assert outcome.failed[0].error.startswith("Không kết nối được máy chủ thư: máy chủ từ chối kết nối")


# --- the command ----------------------------------------------------------------------------

def _distribute(out: Path, recipients: Path, server: MailServer, *extra: str):
    return runner.invoke(app, ["distribute", "--year", "2024", "--out", str(out),
                               "--recipients", str(recipients), *extra], env=server.environ)


def test_distribute_command_sends_once_and_force_sends_again(tmp_path):
    pdf = b"%PDF-1.7 v2"
    out = publish_versions(tmp_path / "2024", [b"%PDF-1.7 v1", pdf], ["Q-DD gửi lại tệp"])
    recipients = write_recipients(tmp_path / "recipients.csv")
    with MailServer() as server:
        first = _distribute(out, recipients, server)
        assert first.exit_code == 0, first.output
        assert first.stdout.splitlines()[0] == "Bản số 2: đã gửi 3, lỗi 0, đã có từ trước 0."
        assert first.stderr.splitlines() == [f"  ✓ {p.email}" for p in PEOPLE]  # as it goes
        assert len(server.handler.messages) == 3

        second = _distribute(out, recipients, server)
        assert second.exit_code == 0
        assert "Mọi người nhận đã có bản số 2" in second.output
        assert len(server.handler.messages) == 3

        forced = _distribute(out, recipients, server, "--force")
        assert forced.exit_code == 0
        assert len(server.handler.messages) == 6

        older = _distribute(out, recipients, server, "--version", "1")
        assert older.exit_code == 2 and len(server.handler.messages) == 6
        assert older.stderr.splitlines() == [
            "thidua: Bản số 1 của báo cáo năm 2024 không còn hiệu lực: đã được thay thế bởi bản "
            "số 2 ngày 20/12/2024; hãy gửi bản đang có hiệu lực (bỏ --version) hoặc thêm --force "
            "nếu thật sự cần gửi bản cũ."]
        older = _distribute(out, recipients, server, "--version", "1", "--force")
        assert older.exit_code == 0 and len(server.handler.messages) == 9
    assert [attachment(m) for m in server.handler.messages[6:]] == [
        (SENT_NAME(1), b"%PDF-1.7 v1")] * 3
    text = server.handler.messages[6].get_body(("plain",)).get_content()
    assert "\nBản này đã được thay thế bởi bản số 2 ngày 20/12/2024.\n" in text
    assert [line["version"] for line in log_lines(out)] == ["2"] * 6 + ["1"] * 3


def test_a_replaced_version_names_the_version_in_force_not_the_next_one(tmp_path):
    out = publish_versions(tmp_path / "2024", [b"%PDF 1", b"%PDF 2", b"%PDF 3"], [])
    assert load_published(out, 2024, 1).replaced_by == {"version": 3, "date": "2025-01-06"}
    assert load_published(out, 2024, 2).replaced_by == {"version": 3, "date": "2025-01-06"}
    assert load_published(out, 2024, 3).replaced_by is None
    assert load_published(out, 2024).replaced_by is None


def test_a_vietnamese_attachment_name_arrives_in_both_header_forms(tmp_path):
    """RFC 2231 ``filename*`` on Content-Disposition and an RFC 2047 ``name=`` on Content-Type,
    as received by a real server; parsed back, both give the exact Vietnamese name."""
    import email
    import email.policy

    out = publish_versions(tmp_path / "2024", [b"%PDF-1.7 v1"], [])
    recipients = write_recipients(tmp_path / "recipients.csv", PEOPLE[:1])
    with MailServer() as server:
        assert _distribute(out, recipients, server).exit_code == 0
    raw = server.handler.raw[0].decode("ascii")  # 7-bit clean: every header is encoded
    expected = SENT_NAME(1)
    assert ("\r\nContent-Disposition: attachment;\r\n"
            " filename*0*=utf-8''B%C3%A1o%20c%C3%A1o%20D%C3%A2n%20v%E1%BA%ADn%20kh%C3%A9o;\r\n"
            " filename*1*=%20n%C4%83m%202024%20-%20b%E1%BA%A3n%20s%E1%BB%91%201.pdf\r\n") in raw
    assert ('\r\nContent-Type: application/pdf;\r\n'
            ' name="=?utf-8?b?QsOhbyBjw6FvIETDom4gduG6rW4ga2jDqW8gbsSDbSAyMDI0IC0g?=\r\n'
            ' =?utf-8?b?YuG6o24gc+G7kSAxLnBkZg==?="\r\n') in raw
    for policy in (email.policy.default, email.policy.compat32):  # new and old readers
        part = list(email.message_from_string(raw, policy=policy).walk())[-1]
        assert part.get_filename() == expected
    part = list(email.message_from_string(raw, policy=email.policy.compat32).walk())[-1]
    name = part.get_param("name")  # what a reader of name= alone sees, decoded as RFC 2047
    assert str(email.header.make_header(email.header.decode_header(name))) == expected


def test_distribute_command_exits_1_when_a_recipient_is_refused(tmp_path):
    out = publish_versions(tmp_path / "2024", [b"%PDF-1.7 v1"], [])
    recipients = write_recipients(tmp_path / "recipients.csv")
    with MailServer(Handler(refuse={"bao@example.org"})) as server:
        result = _distribute(out, recipients, server)
    assert result.exit_code == 1
    assert "  ✗ bao@example.org: Máy chủ thư từ chối người nhận: 550" in result.output
    assert len(server.handler.messages) == 2


def test_distribute_command_without_smtp_settings_fails_with_one_line(tmp_path):
    out = publish_versions(tmp_path / "2024", [b"%PDF-1.7 v1"], [])
    recipients = write_recipients(tmp_path / "recipients.csv")
    result = runner.invoke(app, ["distribute", "--year", "2024", "--out", str(out),
                                 "--recipients", str(recipients)],
                           env={"THIDUA_SMTP_HOST": "", "THIDUA_SMTP_SENDER": "",
                                "THIDUA_SMTP_SECRET": ""})
    assert result.exit_code == 2
    assert result.stderr.startswith("thidua: Chưa cấu hình gửi thư: thiếu THIDUA_SMTP_HOST")
    assert result.stderr.count("\n") == 1
    assert not (out / LOG_NAME).exists()


def test_distribute_command_without_a_report_fails_with_one_line(tmp_path):
    result = runner.invoke(app, ["distribute", "--year", "2024", "--out", str(tmp_path / "none")])
    assert result.exit_code == 2
    assert "hãy chạy `thidua run --year 2024` trước" in result.stderr


def test_bundled_recipients_csv_has_the_expected_header():
    with (REPO_ROOT / "data" / "reference" / "recipients.csv").open(encoding="utf-8") as handle:
        assert next(csv.reader(handle)) == ["name", "email", "role"]


def test_with_the_mail_server_down_the_distribution_ends_within_its_budget(tmp_path):
    """14 recipients, nothing listening on the port: every send is refused at once and
    retried; when the budget runs out the rest are logged failed without a try, each with a
    Vietnamese reason, and the whole run ends within the budget (issue 13.4)."""
    import time

    from thidua.deliver.smtp import SmtpSettings

    out = publish_versions(tmp_path / "2024", [b"%PDF v1"], [])
    published = load_published(out, 2024)
    people = [Recipient(f"Người nhận {i}", f"nguoi{i}@example.org", "Ủy viên") for i in range(14)]
    settings = SmtpSettings(host="127.0.0.1", port=free_port(), security="none",
                            sender="vanphong@example.org")
    seen = []
    started = time.monotonic()
    outcome = distribute(published, people, settings.sender,
                         lambda message: send_message(settings, message), out,
                         retry=Retry(attempts=3, wait_initial=0.2, wait_max=0.5, budget=1.5),
                         on_delivery=seen.append)
    assert time.monotonic() - started < 1.5 + 2 * settings.timeout
    assert [d.result for d in outcome.deliveries] == ["failed"] * 14 == [d.result for d in seen]
    assert outcome.deliveries[0].error.startswith("Không kết nối được máy chủ thư: máy chủ từ chối kết nối")
    assert outcome.deliveries[0].attempts == 3
    assert outcome.deliveries[-1].error.startswith("Chưa gửi: đã hết 1.5 giây dành cho lần gửi này")
    assert outcome.deliveries[-1].attempts == 0
    assert [line["result"] for line in log_lines(out)] == ["failed"] * 14
