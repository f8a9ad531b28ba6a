"""A national-scale year, generated reproducibly: ``files`` units, one ``.xlsx`` each, of
``rows`` rows of form DVK-01, and the registry that names them.

    .venv/bin/python benchmarks/national.py DIR [--files 2000] [--rows 500]

Everything is drawn from ``random.Random(seed)``, so the same arguments give the same rows.
About 1 row in 50 is invalid (no model name, or an unknown field) and each file ends with a
totals row, so that rejection and ignoring are exercised at scale too. A folder already
generated with the same arguments (``DIR/params.json``) is reused.
"""

from __future__ import annotations

import argparse
import json
import random
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import openpyxl

HEADER = ["STT", "Tên mô hình", "Lĩnh vực", "Hình thức", "Tên tập thể/cá nhân", "Chức vụ",
          "Cấp công đoàn", "Công đoàn cơ sở", "Thời gian thực hiện", "Kết quả", "Ghi chú"]
FIELDS = ["Kinh tế", "Văn hóa - xã hội", "An ninh - quốc phòng", "Xây dựng hệ thống chính trị"]
LEVELS = ["Cơ sở", "Cấp trên cơ sở", "Thành phố"]
RESULTS = ["Hoàn thành", "Hoàn thành", "Hoàn thành", "Tiêu biểu", "Chưa đánh giá",
           "Không hoàn thành"]
WORDS = ["Bữa cơm", "Công đoàn", "ấm áp", "Tủ sách", "công nhân", "Góc văn hóa", "nhà trọ",
         "An toàn", "lao động", "Phiên chợ", "nghĩa tình", "Mái ấm", "Tiếng kẻng", "Số hóa",
         "hồ sơ", "đoàn viên", "Khu phố", "sạch đẹp", "Nâng cao", "tay nghề"]
PEOPLE = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Minh Châu", "Phạm Thu Dung", "Hoàng Đức Em",
          "Vũ Thị Giang", "Đặng Quốc Hải", "Bùi Thanh Hương"]
POSITIONS = ["Chủ tịch CĐCS", "Phó Chủ tịch", "Đoàn viên", "Tổ trưởng"]


def code(i: int) -> str:
    """The unit code of the ``i``-th unit: ``DV-0001``."""
    return f"DV-{i:04d}"


def unit_rows(rng: random.Random, rows: int) -> list[list]:
    """``rows`` data rows of form DVK-01, about 2% invalid, and a totals row at the end."""
    out = []
    for n in range(1, rows + 1):
        collective = rng.random() < 0.15
        union = f"CĐCS Công ty {rng.choice(WORDS)} {rng.randint(1, 999)}"
        model = " ".join(rng.sample(WORDS, 3))
        field = rng.choice(FIELDS)
        bad = rng.random()
        if bad < 0.01:
            model = None
        elif bad < 0.02:
            field = "Thể thao"
        out.append([n, model, field, "Tập thể" if collective else "Cá nhân",
                    union if collective else rng.choice(PEOPLE),
                    None if collective else rng.choice(POSITIONS), rng.choice(LEVELS), union,
                    "01/2024 - 12/2024", rng.choice(RESULTS), None])
    out.append([None, "Tổng cộng", None, None, None, None, None, None, None, None, None])
    return out


def write_unit(task: tuple[Path, int, int, int]) -> None:
    """Write unit ``i``'s workbook (write-only openpyxl: constant memory)."""
    raw, i, rows, seed = task
    rng = random.Random(seed * 100_003 + i)
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("Danh sách")
    ws.append([f"DANH SÁCH ĐĂNG KÝ MÔ HÌNH “DÂN VẬN KHÉO” NĂM 2024 — {code(i)}"])
    ws.append(["Năm: 2024"])
    ws.append([f"Ngày gửi: {1 + i % 28:02d}/11/2024"])
    ws.append([])
    ws.append(HEADER)
    for r in unit_rows(rng, rows):
        ws.append(r)
    wb.save(raw / f"{code(i)}_dang-ky-dvk-2024.xlsx")


def generate(root: Path, files: int = 2000, rows: int = 500, seed: int = 2024,
             workers: int = 2) -> tuple[Path, Path]:
    """Generate (or reuse) the year under ``root``; returns ``(raw folder, registry)``."""
    params = {"files": files, "rows": rows, "seed": seed, "version": 1}
    raw, registry = root / "raw" / "2024", root / "units.csv"
    stamp = root / "params.json"
    if stamp.is_file() and json.loads(stamp.read_text()) == params:
        return raw, registry
    raw.mkdir(parents=True, exist_ok=True)
    for old in raw.glob("*.xlsx"):
        old.unlink()
    lines = ["code,name,level,kind,valid_from,valid_to,successors,members,grassroots_unions"]
    lines += [f"{code(i)},Công đoàn đơn vị số {i},cap_tren_co_so,other,1990-01-01,,,1000,10"
              for i in range(1, files + 1)]
    registry.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with ProcessPoolExecutor(workers) as pool:
        list(pool.map(write_unit, [(raw, i, rows, seed) for i in range(1, files + 1)],
                      chunksize=20))
    stamp.write_text(json.dumps(params))
    return raw, registry


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", type=Path)
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--rows", type=int, default=500)
    args = parser.parse_args()
    print(generate(args.root, args.files, args.rows))
