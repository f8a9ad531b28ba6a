"""Write the example unit registry for 2025 onwards into ``data/reference/units.csv``.

    python scripts/registry_example.py

AN EXAMPLE, to be replaced by the office's list: no public list names the 85 commune/ward
trade unions that the Federation planned. What is real: the 40 units of 2024, which ended on
30/06/2025; the names of Hà Nội's 126 communes/wards (``data/reference/xa-phuong-ha-noi-2025.csv``,
from LacGO/VietNamTDP, CC BY 4.0), and the old district each lies in (first three digits of
its postal code). What is made up: which communes share one union, the codes, the start
dates, the members, and the names of the 7 units kept above grassroots level.

How the 85 commune/ward unions are formed (64 in qualifying communes/wards, 21 covering
neighbouring ones, in the Federation's plan): every phường has its own union; in each old
district the communes (xã), in code order, form unions of three (the last of two), except
that a district with four communes gives the first that bears the district's name, else its
first commune, a union of its own. That gives 85 unions: 62 of one commune/ward, 23 of two
or three. Each old district union's successors are the unions of the communes/wards in its
territory; the 10 other units go to the Hi-tech Park and Industrial Parks union, the 5
corporation unions and the 2 units taken over from the civil servants' union.
"""
from __future__ import annotations

import csv
import io
import unicodedata
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "data" / "reference"
START_COMMUNES = "2025-10-01"   # congresses 3–31/10/2025: the example dates them all from 01/10
START_KEPT = "2025-07-01"       # units above grassroots level, from the reorganisation
COLUMNS = ["code", "name", "level", "kind", "valid_from", "valid_to", "successors", "members",
           "grassroots_unions"]
#: Old district unit → first three digits of the postal codes of its territory.
DISTRICT_POSTAL = {
    "Q-HK": "110", "Q-BD": "111", "Q-TH": "112", "Q-CG": "113", "Q-TX": "114", "Q-DD": "115",
    "Q-HBT": "116", "Q-HM": "117", "Q-LB": "118", "Q-BTL": "119", "Q-NTL": "120", "Q-HD": "121",
    "H-SS": "122", "H-DA": "123", "H-GL": "124", "H-TT": "125", "H-BV": "126", "TX-ST": "127",
    "H-PT": "128", "H-ML": "129", "H-DP": "130", "H-TTH": "131", "H-HD": "132", "H-QO": "133",
    "H-CM": "134", "H-TO": "135", "H-THT": "136", "H-MD": "137", "H-UH": "138", "H-PX": "139"}
#: The units kept or set up above grassroots level (example names), and kind.
KEPT = [
    ("KCNC", "Công đoàn các Khu công nghệ cao và Khu công nghiệp Hà Nội", "khu_cong_nghiep"),
    ("TCT-VT", "Công đoàn Tổng công ty Vận tải Hà Nội", "tong_cong_ty"),
    ("TCT-TM", "Công đoàn Tổng công ty Thương mại Hà Nội", "tong_cong_ty"),
    ("TCT-DL", "Công đoàn Tổng công ty Du lịch Hà Nội", "tong_cong_ty"),
    ("TCT-UDIC", "Công đoàn Tổng công ty Đầu tư phát triển hạ tầng đô thị UDIC", "tong_cong_ty"),
    ("TCT-NS", "Công đoàn Tổng công ty Nước sạch Hà Nội", "tong_cong_ty"),
    ("CQ-DANG", "Công đoàn các cơ quan Đảng thành phố Hà Nội", "vien_chuc"),
    ("CQ-CQ", "Công đoàn các cơ quan chính quyền thành phố Hà Nội", "vien_chuc"),
]
OTHER_SUCCESSORS = {
    "KCN": ["KCNC"], "N-GTVT": ["TCT-VT"], "N-CT": ["TCT-TM", "TCT-DL"], "N-DM": ["TCT-TM"],
    "N-XD": ["TCT-UDIC"], "N-NN": ["TCT-NS"], "VC": ["CQ-DANG", "CQ-CQ"], "CQ": ["CQ-DANG"],
    "N-GD": ["CQ-CQ"], "N-YT": ["CQ-CQ"]}

HEADER = """\
# VÍ DỤ, cần thay bằng danh mục của Văn phòng LĐLĐ thành phố: từ dòng của các đơn vị có valid_from 2025 trở đi.
# 40 đơn vị năm 2024 là thật và kết thúc ngày 30/06/2025; tên 126 xã, phường là thật (LacGO/VietNamTDP, CC BY 4.0, xem data/reference/xa-phuong-ha-noi-2025.csv).
# Cách ghép xã thành công đoàn, mã, ngày thành lập, số đoàn viên và tên 7 đơn vị cấp trên cơ sở còn lại là giả định; lập bằng scripts/registry_example.py.
"""


def ascii_code(name: str) -> str:
    """``Văn Miếu - Quốc Tử Giám`` → ``VANMIEUQUOCTUGIAM``."""
    plain = unicodedata.normalize("NFD", name.replace("Đ", "D").replace("đ", "d"))
    return "".join(c for c in plain if c.isascii() and c.isalnum()).upper()


def read_csv(path: Path) -> list[dict]:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines()
             if not line.startswith("#")]
    return list(csv.DictReader(lines))


def commune_unions(wards: list[dict]) -> dict[str, list[tuple[str, str, list[dict]]]]:
    """Old district code → its new unions ``(code, name, communes/wards)``."""
    by_prefix = {v: k for k, v in DISTRICT_POSTAL.items()}
    grouped: dict[str, list[dict]] = defaultdict(list)
    for ward in sorted(wards, key=lambda w: w["ward_code"]):
        grouped[by_prefix[ward["postal_code"][:3]]].append(ward)
    unions: dict[str, list] = {}
    for district, members in grouped.items():
        place = DISTRICT_NAMES[district]
        out = [(f"P-{ascii_code(w['name'])}", f"Công đoàn phường {w['name']}", [w])
               for w in members if w["unit_type"] == "Phường"]
        communes = [w for w in members if w["unit_type"] == "Xã"]
        if len(communes) == 4:
            own = next((w for w in communes if ascii_code(w["name"]) == ascii_code(place)),
                       communes[0])
            out.append((f"X-{ascii_code(own['name'])}", f"Công đoàn xã {own['name']}", [own]))
            communes = [w for w in communes if w is not own]
        chunks = [communes[i:i + 3] for i in range(0, len(communes), 3)]
        if len(chunks) > 1 and len(chunks[-1]) == 1:
            chunks[-2:] = [chunks[-2][:2], chunks[-2][2:] + chunks[-1]]
        for chunk in chunks:
            names = [w["name"] for w in chunk]
            if len(chunk) == 1:
                out.append((f"X-{ascii_code(names[0])}", f"Công đoàn xã {names[0]}", chunk))
            else:
                said = ", ".join(names[:-1]) + " và " + names[-1]
                out.append((f"CX-{ascii_code(names[0])}", f"Công đoàn các xã {said}", chunk))
        unions[district] = out
    return unions


DISTRICT_NAMES: dict[str, str] = {}


def apportion(total: int, parts: int) -> list[int]:
    """``total`` split into ``parts`` integers differing by at most one, larger first."""
    return [total // parts + (1 if i < total % parts else 0) for i in range(parts)]


def build(units_text: str, wards: list[dict]) -> str:
    """The registry's text: header comment, the 2024 rows with successors, the new rows."""
    old = [r for r in csv.DictReader(line for line in units_text.splitlines()
                                     if not line.startswith("#"))
           if r["valid_from"] < "2025-01-01"]
    for row in old:
        if row["kind"] == "quan_huyen":
            DISTRICT_NAMES[row["code"]] = row["name"].split("Lao động ", 1)[1].split(" ", 1)[1]
            DISTRICT_NAMES[row["code"]] = DISTRICT_NAMES[row["code"]].removeprefix("xã ")
    unions = commune_unions(wards)
    new_rows, successors = [], defaultdict(list)
    for row in old:
        if row["code"] in unions:
            shares = list(zip(apportion(int(row["members"]), len(unions[row["code"]])),
                              apportion(int(row["grassroots_unions"]), len(unions[row["code"]]))))
            for (code, name, _), (members, grassroots) in zip(unions[row["code"]], shares):
                successors[row["code"]].append(code)
                new_rows.append({"code": code, "name": name, "level": "cap_tren_co_so",
                                 "kind": "xa_phuong", "valid_from": START_COMMUNES, "valid_to": "",
                                 "successors": "", "members": members,
                                 "grassroots_unions": grassroots})
        else:
            successors[row["code"]] = OTHER_SUCCESSORS[row["code"]]
    old_by_code = {r["code"]: r for r in old}
    for code, name, kind in KEPT:
        before = [c for c, s in OTHER_SUCCESSORS.items() if code in s]
        members = sum(int(old_by_code[c]["members"]) // len(OTHER_SUCCESSORS[c]) for c in before)
        grassroots = sum(int(old_by_code[c]["grassroots_unions"]) // len(OTHER_SUCCESSORS[c])
                         for c in before)
        new_rows.append({"code": code, "name": name, "level": "cap_tren_co_so", "kind": kind,
                         "valid_from": START_KEPT, "valid_to": "", "successors": "",
                         "members": members, "grassroots_unions": grassroots})
    for row in old:
        row["successors"] = ";".join(successors[row["code"]])
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(old + new_rows)
    return HEADER + buffer.getvalue()


def main() -> None:
    path = REFERENCE / "units.csv"
    text = build(path.read_text(encoding="utf-8"), read_csv(REFERENCE / "xa-phuong-ha-noi-2025.csv"))
    path.write_text(text, encoding="utf-8")
    rows = text.count("\n") - HEADER.count("\n") - 1
    print(f"{path}: {rows} dòng")


if __name__ == "__main__":
    main()
