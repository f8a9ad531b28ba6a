"""Mail addresses are built by the e-mail package (issue 16.7): whatever a recipient's name
holds, the message goes to exactly that person's address, and only an address the server
accepted is logged ``delivered``. Against a real SMTP server on the loopback."""

from __future__ import annotations

import csv
from email.headerregistry import Address
from pathlib import Path

import pytest

from mailserver import MailServer
from test_distribute import FAST, log_lines, publish_versions
from thidua.deliver.distribution import distribute
from thidua.deliver.recipients import (DELIVERED, FAILED, DistributionError, Recipient,
                                       load_recipients)
from thidua.deliver.addresses import AddressError, parse_address
from thidua.deliver.mail import compose_message
from thidua.deliver.smtp import MailError, send_message, smtp_settings
from thidua.publish.published import load_published

#: Names as people type them into recipients.csv: commas, quotes, no diacritics, brackets,
#: address-like text, newlines that try to add a header. Each maps to the display name the
#: message must carry (newlines and control characters become one space).
NAMES = {
    "Tran Van Khoa, Phó Chủ tịch": "Tran Van Khoa, Phó Chủ tịch",
    "Tran Van Khoa, Pho Chu tich": "Tran Van Khoa, Pho Chu tich",
    'Lê Thị "Hồng", Ủy viên': 'Lê Thị "Hồng", Ủy viên',
    "Phạm <pham@evil.example>": "Phạm <pham@evil.example>",
    "Đỗ Văn An; Bcc: evil@evil.example": "Đỗ Văn An; Bcc: evil@evil.example",
    "Ngô Thị Lan\r\nBcc: evil@evil.example": "Ngô Thị Lan Bcc: evil@evil.example",
    "Vũ Minh\nX-Injected: yes": "Vũ Minh X-Injected: yes",
    "hoang@example.org (Hoàng)": "hoang@example.org (Hoàng)",
    "Bùi \\ Thị = ? Hà": "Bùi \\ Thị = ? Hà",
}


def write_rows(path: Path, rows: list[tuple[str, str, str]]) -> Path:
    """``recipients.csv`` as Excel or a text editor writes it: quoted where needed."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["name", "email", "role"])
        writer.writerows(rows)
    return path


def _send(server: MailServer):
    settings = smtp_settings(server.environ)
    return settings.sender, lambda message: send_message(settings, message)


def test_every_name_gives_one_to_address_equal_to_the_recipients(tmp_path):
    rows = [(name, f"nguoi{i}@example.org", "Ủy viên") for i, name in enumerate(NAMES)]
    people = load_recipients(write_rows(tmp_path / "recipients.csv", rows))
    assert [p.name for p in people] == list(NAMES.values())
    out = publish_versions(tmp_path / "2024", [b"%PDF-1.7 v1"], [])
    with MailServer() as server:
        sender, send = _send(server)
        outcome = distribute(load_published(out, 2024), people, sender, send, out, retry=FAST)
    assert [d.result for d in outcome.deliveries] == [DELIVERED] * len(NAMES)
    got = server.handler
    assert [rcpts for _, rcpts in got.envelopes] == [[email] for _, email, _ in rows]
    for message, (name, email, _) in zip(got.messages, rows):
        (to,) = message["To"].addresses  # exactly one address, read back by the email package
        assert (to.addr_spec, to.display_name) == (email, NAMES[name])
        assert message.get_all("Bcc") is None and message.get_all("Cc") is None
        assert message.get_all("X-Injected") is None
        assert message["From"].addresses[0].addr_spec == "vanphong@example.org"
        assert message.get_body(("plain",)).get_content().startswith(
            f"Kính gửi đồng chí {NAMES[name]}, Ủy viên,\n")
    assert [(line["recipient"], line["result"]) for line in log_lines(out)] == [
        (email, DELIVERED) for _, email, _ in rows]


@pytest.mark.parametrize("email, reason", [
    ("not-an-address", "không phải đúng một địa chỉ"),
    ("khoa@example", "tên miền 'example' không hợp lệ"),
    ("Khoa <khoa@example.org>", "có khoảng trắng"),
    ("<khoa@example.org>", "không phải đúng một địa chỉ"),
    ("khoa@example.org,lan@example.org", "không phải đúng một địa chỉ"),
    ("khoa@example.org;lan@example.org", "không phải đúng một địa chỉ"),
    ("khoa@example.org lan@example.org", "có khoảng trắng"),
    ("khoa@@example.org", "không phải đúng một địa chỉ"),
    ("@example.org", "không đọc được"),
    ("khoa@", "không đọc được"),
    ("khoa@-example-.org", "tên miền '-example-.org' không hợp lệ"),
    ("khoa@exa_mple.org", "tên miền 'exa_mple.org' không hợp lệ"),
    ("khoa@example..org", "không"),
    ("khoa..tran@example.org", "không đọc được"),
    ("khoa@example.org\nBcc: evil@evil.example", "có khoảng trắng hoặc ký tự điều khiển"),
    ('"khoa"@example.org', "không phải đúng một địa chỉ"),
    ("khoa@[127.0.0.1]", "không phải đúng một địa chỉ"),
])
def test_a_row_whose_address_does_not_parse_is_refused_naming_the_row(tmp_path, email, reason):
    path = write_rows(tmp_path / "recipients.csv",
                      [("Trần Văn Minh", "minh@example.org", "Phó Chủ tịch"),
                       ("Tran Van Khoa, Pho Chu tich", email, "Ủy viên")])
    with pytest.raises(DistributionError) as caught:
        load_recipients(path)
    message = str(caught.value)
    assert message.startswith(f"{path}, dòng 3: địa chỉ e-mail '")
    assert reason in message
    assert message.endswith("cần đúng một địa chỉ dạng ten@ten-mien.vn, không kèm tên, dấu phẩy, "
                            "dấu chấm phẩy hay khoảng trắng.")
    assert "\n" not in message


def test_the_same_address_in_another_case_is_a_duplicate(tmp_path):
    path = write_rows(tmp_path / "recipients.csv", [("A", "khoa@example.org", ""),
                                                    ("B", "Khoa@EXAMPLE.org", "")])
    with pytest.raises(DistributionError, match="dòng 3: địa chỉ Khoa@EXAMPLE.org bị lặp"):
        load_recipients(path)


def test_an_internationalised_domain_is_sent_in_its_ascii_form(tmp_path):
    out = publish_versions(tmp_path / "2024", [b"%PDF-1.7 v1"], [])
    people = [Recipient("Trần Văn Khoa", "khoa@côngđoàn.vn", "Ủy viên")]
    assert parse_address("khoa@côngđoàn.vn") == Address(username="khoa",
                                                        domain="xn--cngon-uqa0lsj.vn")
    with MailServer() as server:
        sender, send = _send(server)
        outcome = distribute(load_published(out, 2024), people, sender, send, out, retry=FAST)
    assert outcome.deliveries[0].result == DELIVERED
    assert server.handler.envelopes[0][1] == ["khoa@xn--cngon-uqa0lsj.vn"]
    (to,) = server.handler.messages[0]["To"].addresses
    assert to.addr_spec == "khoa@xn--cngon-uqa0lsj.vn" and to.display_name == "Trần Văn Khoa"


def test_a_non_ascii_local_part_goes_by_smtputf8_or_fails_with_the_reason(tmp_path):
    out = publish_versions(tmp_path / "2024", [b"%PDF-1.7 v1"], [])
    people = [Recipient("Trần Văn Khoa", "khoa.trần@example.org", "Ủy viên"),
              Recipient("Lê Thị Nhung", "nhung@example.org", "Ủy viên")]
    with MailServer(enable_SMTPUTF8=True) as server:  # aiosmtpd's Controller's default
        sender, send = _send(server)
        outcome = distribute(load_published(out, 2024), people, sender, send, out, retry=FAST)
    assert [(d.result, d.error) for d in outcome.deliveries] == [(DELIVERED, ""), (DELIVERED, "")]
    def utf8(text: str) -> str:  # the server and the parser keep raw UTF-8 bytes escaped
        return text.encode("utf-8", "surrogateescape").decode("utf-8")

    assert [[utf8(r) for r in rcpts] for _, rcpts in server.handler.envelopes] == [
        ["khoa.trần@example.org"], ["nhung@example.org"]]
    (to,) = server.handler.messages[0]["To"].addresses
    assert utf8(to.addr_spec) == "khoa.trần@example.org"

    plain = publish_versions(tmp_path / "plain", [b"%PDF-1.7 v1"], [])
    with MailServer(enable_SMTPUTF8=False) as server:  # a clear failure, never a mangled address
        sender, send = _send(server)
        outcome = distribute(load_published(plain, 2024), people, sender, send, plain,
                             retry=FAST)
    assert [(d.result, d.attempts) for d in outcome.deliveries] == [(FAILED, 1), (DELIVERED, 1)]
    assert outcome.deliveries[0].error.startswith(
        "Máy chủ thư không nhận địa chỉ có ký tự ngoài ASCII (không hỗ trợ SMTPUTF8)")
    assert [rcpts for _, rcpts in server.handler.envelopes] == [["nhung@example.org"]]


def test_delivered_only_when_the_server_accepted_exactly_that_address(tmp_path):
    out = publish_versions(tmp_path / "2024", [b"%PDF-1.7 v1"], [])
    people = [Recipient("Trần Văn Khoa", "khoa@example.org"),
              Recipient("Lê Thị Nhung", "nhung@example.org")]
    sent = []

    def wrong_server(message):  # a send that reports another address than the recipient's
        sent.append(message)
        return "someone-else@example.org"

    outcome = distribute(load_published(out, 2024), people, "vanphong@example.org",
                         wrong_server, out, retry=FAST)
    assert [d.result for d in outcome.deliveries] == [FAILED, FAILED]
    assert outcome.deliveries[0].error == ("Không gửi: máy chủ nhận thư cho "
                                           "'someone-else@example.org', không phải cho "
                                           "'khoa@example.org'")
    assert [line["result"] for line in log_lines(out)] == [FAILED, FAILED]


def test_a_message_for_several_addresses_is_never_sent(tmp_path):
    out = publish_versions(tmp_path / "2024", [b"%PDF-1.7 v1"], [])
    message = compose_message(load_published(out, 2024), "Khoa", "khoa@example.org",
                              "vanphong@example.org", b"%PDF")
    message["Cc"] = "lan@example.org"
    with MailServer() as server:
        with pytest.raises(AddressError, match="đúng một người nhận, nhưng có 2 địa chỉ"):
            send_message(smtp_settings(server.environ), message)
    assert server.handler.rcpt_attempts == []


@pytest.mark.parametrize("email", ["khoa", "Khoa <khoa@example.org>, lan@example.org"])
def test_compose_refuses_an_address_that_is_not_one_address(tmp_path, email):
    out = publish_versions(tmp_path / "2024", [b"%PDF-1.7 v1"], [])
    with pytest.raises(AddressError, match="không hợp lệ"):
        compose_message(load_published(out, 2024), "Khoa", email, "vanphong@example.org", b"%")


def test_a_sender_that_is_not_one_address_is_refused():
    with pytest.raises(MailError, match="THIDUA_SMTP_SENDER: người gửi .* không phải đúng một"):
        smtp_settings({"THIDUA_SMTP_HOST": "127.0.0.1", "THIDUA_SMTP_SECURITY": "none",
                       "THIDUA_SMTP_SENDER": "a@example.org, b@example.org"})
