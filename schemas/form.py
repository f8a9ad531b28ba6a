"""Form DVK-01 as data: its columns, their header spellings and their accepted values.

Source: ``shared/spec/submission-form.md`` ("The header row", "Rows that are not data").
Every rule of the form that is a list lives here, so the reader, the validator and the error
messages all use the same one.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from thidua.text import match_key


@dataclass(frozen=True)
class FormColumn:
    """One column of the form.

    ``name`` is the internal column name used in every DataFrame; ``header`` the canonical
    Vietnamese header (used in messages and in ``rejected.csv``); ``aliases`` other spellings;
    ``expected`` says in Vietnamese what a unit must write there.
    """

    name: str
    header: str
    required: bool
    expected: str
    aliases: tuple[str, ...] = field(default=())

    def keys(self) -> set[str]:
        """Header keys (see :func:`thidua.text.match_key`) that identify this column."""
        return {match_key(h) for h in (self.header, *self.aliases)}


COLUMNS: tuple[FormColumn, ...] = (
    FormColumn("stt", "STT", False, "số thứ tự (không bắt buộc)", ("TT", "Số TT", "Số thứ tự")),
    FormColumn("unit_code", "Mã đơn vị", False, "mã đơn vị trong danh mục đơn vị", ("Mã ĐV",)),
    FormColumn("model", "Tên mô hình", True, "tên mô hình, từ 5 đến 500 ký tự",
               ("Tên mô hình Dân vận khéo", "Tên mô hình đăng ký", "Tên MH", "MH",
                "Tên mô hình DVK")),
    FormColumn("field", "Lĩnh vực", True,
               "một trong: Kinh tế (KT), Văn hóa - xã hội (VHXH), An ninh - quốc phòng (ANQP), "
               "Xây dựng hệ thống chính trị (XDHTCT)", ("LV",)),
    FormColumn("type", "Hình thức", True, "Tập thể (TT) hoặc Cá nhân (CN)",
               ("Hình thức đăng ký", "Tập thể/Cá nhân", "HT", "HTĐK", "Loại")),
    FormColumn("registrant", "Tên tập thể/cá nhân", True, "tên tập thể hoặc cá nhân thực hiện",
               ("Tên tập thể / cá nhân", "Tập thể/cá nhân thực hiện", "Tên tập thể, cá nhân",
                "Họ tên/Tên tập thể", "Tên tập thể hoặc cá nhân",
                "Tên tập thể/cá nhân thực hiện", "Tên TT/CN", "Tên tập thể/CN")),
    FormColumn("position", "Chức vụ", False, "chức vụ của cá nhân (bắt buộc với Cá nhân)",
               ("Chức vụ (nếu là cá nhân)", "CV")),
    FormColumn("level", "Cấp công đoàn", False,
               "Thành phố, Cấp trên trực tiếp cơ sở (Cấp trên cơ sở) hoặc Cơ sở",
               ("Cấp", "Cấp CĐ")),
    FormColumn("grassroots_union", "Công đoàn cơ sở", False, "tên công đoàn cơ sở",
               ("CĐCS", "Thuộc công đoàn cơ sở", "Tên công đoàn cơ sở")),
    FormColumn("period", "Thời gian thực hiện", False,
               "dd/mm/yyyy - dd/mm/yyyy, mm/yyyy - mm/yyyy hoặc một ô ngày, trùng với năm báo cáo",
               ("Thời gian", "Thời gian triển khai", "Thời gian TH", "TG",
                # the year a registration is for (fresh tester F's 152: last year's rows left
                # in the list, told by this column only); never ``Năm`` alone (the title's)
                "Năm đăng ký", "Năm thực hiện", "Năm triển khai", "Năm ĐK")),
    # A period in two columns (issue 16.3): under a merged ``Thời gian thực hiện`` or flat.
    FormColumn("period_from", "Từ ngày", False,
               "ngày bắt đầu: một ô ngày, dd/mm/yyyy, mm/yyyy hoặc năm",
               ("Từ", "Từ tháng", "Bắt đầu", "Ngày bắt đầu", "Thời gian bắt đầu",
                "Thời gian thực hiện từ", "Từ ngày/tháng/năm", "Thời điểm bắt đầu")),
    FormColumn("period_to", "Đến ngày", False,
               "ngày kết thúc: một ô ngày, dd/mm/yyyy, mm/yyyy hoặc năm, không trước ngày bắt đầu",
               ("Đến", "Đến tháng", "Kết thúc", "Ngày kết thúc", "Thời gian kết thúc",
                "Thời gian thực hiện đến", "Đến ngày/tháng/năm", "Thời điểm kết thúc")),
    FormColumn("result", "Kết quả", False,
               "Chưa đánh giá, Hoàn thành, Tiêu biểu hoặc Không hoàn thành",
               ("Kết quả đánh giá", "Kết quả thực hiện", "KQ")),
    FormColumn("note", "Ghi chú", False, "ghi chú (không bắt buộc)", ("GC",)),
)
BY_NAME: dict[str, FormColumn] = {c.name: c for c in COLUMNS}
HEADER_TO_NAME: dict[str, str] = {k: c.name for c in COLUMNS for k in c.keys()}
#: The two headers whose presence in one row marks the header row.
HEADER_MARKERS = ("model", "field")

# --- accepted values -------------------------------------------------------------------------
FIELDS: dict[str, str] = {
    "KT": "Kinh tế",
    "VHXH": "Văn hóa - xã hội",
    "ANQP": "An ninh - quốc phòng",
    "XDHTCT": "Xây dựng hệ thống chính trị",
}
TYPES: dict[str, str] = {"collective": "Tập thể", "individual": "Cá nhân"}
LEVELS: dict[str, str] = {
    "thanh_pho": "Thành phố",
    "cap_tren_co_so": "Cấp trên trực tiếp cơ sở",
    "co_so": "Cơ sở",
}
RESULTS: dict[str, str] = {
    "chua_danh_gia": "Chưa đánh giá",
    "hoan_thanh": "Hoàn thành",
    "tieu_bieu": "Tiêu biểu",
    "khong_hoan_thanh": "Không hoàn thành",
}

#: The accepted values of the coded columns as data (issue 9.1): column → code → its
#: spellings in full words. A unit may write any of them in any case, with or without
#: diacritics, with any separators, with its words in any order, each run of consecutive words
#: shortened to its initials (``Xây dựng HTCT``, ``VH-XH``, ``CĐCS``) or to an abbreviation
#: of :data:`ABBREVIATIONS`, with a numbering (``1. Kinh tế``), a code in brackets
#: (``Kinh tế (KT)``) or a filler of :data:`FILLERS` (``Lĩnh vực kinh tế``). The matcher is
#: :mod:`thidua.ingest.values`.
VALUE_SPELLINGS: dict[str, dict[str, list[str]]] = {
    "field": {
        "KT": ["KT", "Kinh tế"],
        "VHXH": ["VHXH", "Văn hóa - xã hội", "Xã hội - văn hóa"],
        "ANQP": ["ANQP", "An ninh - quốc phòng", "Quốc phòng - an ninh", "QPAN"],
        "XDHTCT": ["XDHTCT", "Xây dựng hệ thống chính trị"],
    },
    "type": {
        "collective": ["Tập thể", "TT"],
        "individual": ["Cá nhân", "CN"],
    },
    "level": {
        "thanh_pho": ["Thành phố", "Cấp thành phố", "LĐLĐ thành phố",
                      "Liên đoàn lao động thành phố"],
        "cap_tren_co_so": ["Cấp trên trực tiếp cơ sở", "Cấp trên cơ sở", "Cấp trên",
                           "Cấp trên trực tiếp", "Công đoàn cấp trên trực tiếp cơ sở",
                           "Công đoàn cấp trên cơ sở", "CTTCS"],
        "co_so": ["Cơ sở", "Cấp cơ sở", "Công đoàn cơ sở", "CĐCS"],
    },
    "result": {
        "chua_danh_gia": ["Chưa đánh giá", "Chưa"],
        "hoan_thanh": ["Hoàn thành", "Đạt", "HT"],
        "tieu_bieu": ["Tiêu biểu", "Hoàn thành tiêu biểu", "Xuất sắc tiêu biểu", "TB"],
        "khong_hoan_thanh": ["Không hoàn thành", "Không đạt", "KHT"],
    },
}
#: Spellings that read as their value but also mean something outside the form, so that the
#: unit is told how they were read (``đã hiểu là …``), never read silently: ``TB`` is
#: ``Tiêu biểu`` on the form's scale and ``Trung bình`` on the Tốt/Khá/TB/Yếu one (then the
#: average models would be listed as exemplary in Phụ lục II); ``Đạt``/``Không đạt`` are
#: pass marks, ``Chưa`` may be ``Chưa hoàn thành``; ``Hoàn thành tiêu biểu`` (``HT tiêu
#: biểu``, ``HTTB``) names two values of the form, ``Tiêu biểu`` qualifying ``Hoàn thành``
#: (written the other way round, or with a separator, ``Hoàn thành, tiêu biểu``, it is asked:
#: :mod:`thidua.ingest.valuemix`). Written words, in any case, order, with or without
#: diacritics or dots (``T.B``, ``Tiêu biểu xuất sắc``, ``K.đạt``), read as the values are.
TOLD_SPELLINGS: dict[str, tuple[str, ...]] = {
    "result": ("TB", "Đạt", "Không đạt", "Chưa", "Xuất sắc tiêu biểu", "Hoàn thành tiêu biểu"),
}
#: Words that mean an accepted value without being one of its names (``An ninh trật tự`` is in
#: the field ``An ninh - quốc phòng``, ``Hoàn thành tốt`` is ``Hoàn thành``): read by the same
#: rules as :data:`VALUE_SPELLINGS`, only when a text reads as no value at all, and always as an
#: interpretation that the unit's feedback states (``đã hiểu là …``, ``values_interpreted`` in
#: ``summary.json``). A better grade never reads as ``Tiêu biểu`` (``Hoàn thành xuất sắc`` is
#: ``Hoàn thành``): exemplary is the Federation's recognition, not a unit's grade; a bare grade
#: without ``hoàn thành`` (``Xuất sắc``, ``Tốt``, ``Khá``) reads as nothing and is rejected.
#: Source: ``spec/submission-form.md``, "The header row" (values read by meaning).
VALUE_READINGS: dict[str, dict[str, list[str]]] = {
    "field": {
        "KT": ["Phát triển kinh tế", "Sản xuất kinh doanh", "SXKD", "Lao động sản xuất",
               "Economy", "Economic", "Economics", "Economic development"],
        "VHXH": ["Văn hóa", "Xã hội", "Y tế", "Giáo dục", "An sinh xã hội", "Thể thao",
                 "Văn hóa thể thao", "Văn nghệ", "Culture and society", "Culture society",
                 "Social culture", "Socio-cultural", "Culture", "Society", "Social"],
        "ANQP": ["An ninh", "Quốc phòng", "An ninh trật tự", "ANTT",
                 "Trật tự an toàn xã hội", "Phòng cháy chữa cháy", "PCCC",
                 "Security and defence", "Security and defense", "Defence and security",
                 "Defense and security", "Security",
                 "Defence", "Defense"],
        "XDHTCT": ["Hệ thống chính trị", "HTCT", "Chính trị", "Xây dựng Đảng",
                   "Political system", "Building the political system",
                   "Political system building", "Politics",
                   "Xây dựng Đảng và hệ thống chính trị", "Xây dựng tổ chức Công đoàn",
                   "Xây dựng Công đoàn", "Công tác Đảng", "Xây dựng chính quyền",
                   "Xây dựng Đảng và chính quyền", "Xây dựng hệ thống chính trị cơ sở"],
    },
    "type": {
        "collective": ["Nhóm", "Tổ", "Tổ công đoàn", "Đơn vị", "Tập thể nhỏ", "Tổ chức",
                       "TTLĐ", "Tthể", "Collective", "Group", "Team", "Organisation", "Organization"],
        "individual": ["Đoàn viên", "Cán bộ", "Công nhân", "Người lao động", "Individual",
                       "Công đoàn viên", "Đoàn viên công đoàn",
                       "Công nhân lao động", "Personal", "Person"],
    },
    "level": {
        "thanh_pho": ["LĐLĐ TP", "Thành phố Hà Nội", "City", "City level", "Municipal"],
        "cap_tren_co_so": ["Quận", "Huyện", "Thị xã", "Cấp quận", "Cấp huyện", "Cấp thị xã",
                           "Ngành", "Cấp ngành", "Công đoàn ngành", "LĐLĐ quận", "LĐLĐ huyện",
                           "LĐLĐ thị xã", "CĐ cấp trên", "Quận huyện", "Quận huyện thị xã",
                           "Cấp quận huyện", "LĐLĐ quận huyện", "District", "District level",
                           "Upper level", "Upper grassroots", "Direct upper level", "Sector"],
        # ``Đơn vị cơ sở``: a grassroots unit (fresh tester's T126, a neighbour)
        "co_so": ["Tổ công đoàn", "Công đoàn bộ phận", "CĐBP", "Nghiệp đoàn", "Đơn vị cơ sở",
                  "Công đoàn cơ sở thành viên", "Grassroots", "Grassroots level",
                  "Grassroots union", "Enterprise union"],
    },
    "result": {
        # a bare grade (``Tốt``, ``Khá``, ``Xuất sắc``) says no more than a grade: rejected
        "hoan_thanh": ["Hoàn thành tốt", "HTT", "Hoàn thành xuất sắc", "HTXS", "Đạt yêu cầu",
                       "Đã hoàn thành", "Hoàn thành nhiệm vụ", "Hoàn thành tốt nhiệm vụ",
                       "HTTNV", "Hoàn thành xuất sắc nhiệm vụ", "HTXSNV", "Completed",
                       "Complete", "Done", "Achieved"],
        "tieu_bieu": ["Điển hình", "Điển hình tiêu biểu", "Gương điển hình",
                      "Tiêu biểu xuất sắc", "Đạt tiêu biểu", "Đạt loại tiêu biểu",
                      "Đạt danh hiệu tiêu biểu", "Được công nhận tiêu biểu", "Exemplary",
                      "Typical"],
        # ``Chưa đạt``/``Chưa hoàn thành``: not yet evaluated, or evaluated as not completed?
        # Under both, so that the unit is asked which (``có phải là … hay …?``).
        "khong_hoan_thanh": ["Chưa đạt", "Chưa hoàn thành", "Không đạt yêu cầu",
                             "Không hoàn thành nhiệm vụ", "Chưa hoàn thành nhiệm vụ",
                             "Not completed", "Incomplete", "Failed", "Not achieved"],
        # ``Đang đánh giá``, ``Chờ xét``: being evaluated, no result yet (fresh tester W's W320)
        "chua_danh_gia": ["Đang thực hiện", "Đang triển khai", "Chưa có kết quả", "Chưa xét",
                          "Đang đánh giá", "Chờ đánh giá", "Đang chờ đánh giá", "Đang xét",
                          "Chờ xét", "Đang xem xét", "Chờ kết quả", "Đang chờ kết quả",
                          "Not evaluated", "Not yet evaluated", "Pending", "In progress",
                          "Ongoing",
                          "Chưa đạt", "Chưa hoàn thành", "Chưa hoàn thành nhiệm vụ"],
    },
}
#: Abbreviations that are not the initials of their words: abbreviation → the words it stands
#: for (initials, ``HTCT`` = hệ thống chính trị, need no entry).
ABBREVIATIONS: dict[str, str] = {"ko": "không", "k": "không", "kg": "không", "hông": "không",
                                 "tphố": "thành phố"}
#: Words a unit may add to a value without changing it, per column (``Lĩnh vực kinh tế``,
#: ``Mô hình tập thể``, ``Công đoàn cơ sở``); ``và``/``&`` join words in every column.
FILLERS: dict[str, tuple[str, ...]] = {
    "field": ("lĩnh vực", "lv", "khối", "thuộc", "mô hình", "các"),
    "type": ("hình thức", "mô hình", "đăng ký", "của", "do", "thực hiện", "các", "danh sách",
             "đối với"),
    "level": ("công đoàn", "cđ", "cấp"),
    "result": ("kết quả", "xếp loại", "đánh giá", "mức"),
}
CONNECTORS: tuple[str, ...] = ("và", "va", "and")
#: Words a unit may write before a value in any coded column (``Thuộc cấp cơ sở``, ``Là cá
#: nhân``, ``Thuộc về LĐLĐ quận``; fresh tester's T126, its registration rejected): a text that
#: reads as no value is read by what follows them and told (``đã hiểu là …``). Any case, with
#: or without diacritics (``thuoc``). ``Thuộc`` before a field is a filler (read as written).
#: Source: ``spec/submission-form.md``, "The header row" (values read by meaning).
VALUE_LEADS: tuple[str, ...] = ("thuộc về", "thuộc", "là", "thuoc ve", "thuoc", "la")
#: The canonical name of each code, per coded column (for messages and ``đã hiểu là …``).
VALUE_NAMES: dict[str, dict[str, str]] = {"field": FIELDS, "type": TYPES, "level": LEVELS,
                                          "result": RESULTS}

#: Every header and accepted value of the form as written (NFC, lower case, single spaces):
#: the words a legacy-encoded cell is most likely to hold (:mod:`thidua.ingest.legacy`).
VOCABULARY: frozenset[str] = frozenset(
    " ".join(s.lower().split())
    for s in [*(h for c in COLUMNS for h in (c.header, *c.aliases)),
              *(v for d in VALUE_SPELLINGS.values() for values in d.values() for v in values),
              # spellings of the form's sample that are not word for word in the lists above
              "Văn hóa xã hội", "VH-XH", "VH XH", "Văn hóa, xã hội", "Lĩnh vực văn hóa - xã hội",
              "Lĩnh vực kinh tế", "An ninh quốc phòng", "Quốc phòng an ninh", "QP-AN", "AN-QP",
              "Lĩnh vực an ninh - quốc phòng", "XD HTCT", "XD hệ thống chính trị",
              "Lĩnh vực xây dựng hệ thống chính trị", "Tập thể (TT)", "Cá nhân (CN)", "TP",
              "CĐ cấp trên trực tiếp cơ sở"])

# --- rows that are not data ------------------------------------------------------------------
#: ``total``: an Excel Table's Total Row as an English Excel writes it (``Total`` | ``8``; a
#: Vietnamese Excel writes ``Tổng``; fresh tester L's L098).
TOTAL_KEYS = ("tong cong", "cong", "tong so", "tong", "cong toan don vi", "total")
SIGNATURE_KEYS = ("nguoi lap bieu", "nguoi lap", "thu truong don vi", "thu truong co quan",
                  "xac nhan cua", "ky, ghi ro ho ten", "ky ten", "ky va ghi ro ho ten",
                  "chu tich", "pho chu tich", "t/m ban thuong vu", "tm ban thuong vu",
                  "tm. ban thuong vu", "t.m ban thuong vu", "t/m ban chap hanh",
                  "tm. ban chap hanh", "tm ban chap hanh", "kt. chu tich", "kt chu tich",
                  "noi nhan", "(ky")

# --- sheets and rows that are a sample, not data (spec "The file", "Rows that are not data") --
#: Words of a sheet name that make it an instruction or sample sheet (``Hướng dẫn``, ``Mẫu
#: DVK-01``, ``HD điền``, ``Ví dụ``, ``Template``): match keys (no diacritics, lower case),
#: found as whole words of the name, in any case, with numbers or other words around. Such a
#: sheet is the data sheet only when no other visible sheet has a header row
#: (:func:`thidua.ingest.sheetchoice.choose_sheets`).
TEMPLATE_SHEET_WORDS: tuple[str, ...] = (
    "huong dan", "huongdan", "hd", "hdan", "mau", "bieu mau", "bieumau", "vi du", "vidu", "vd",
    "example", "examples", "instruction", "instructions", "guide", "template", "templates",
    "sample", "samples")
#: Words of a sheet name that mark it as an old copy or a draft (``Bản cũ``, ``DS cũ``, ``Nháp``,
#: ``old``, ``backup``, ``Không dùng``): lower-case words *with* their diacritics (``nhap``
#: would also be ``nhập``, data entry; ``cu`` also ``Cù``), found as whole words of the name
#: (:func:`thidua.ingest.sheetchoice.is_old_sheet`). Such a sheet is not counted when another
#: sheet is (an extension of ``spec/submission-form.md``, "The file"). A name that only says
#: *copy* (``Sheet1 (2)``, ``Bản sao của Trang tính1``, ``Copy of Sheet1``) is no such mark:
#: Excel and Google Sheets name a copied sheet so, and units copy a sheet to type their next
#: batch; its content decides (an exact copy is counted once).
OLD_SHEET_WORDS: tuple[str, ...] = (
    "cũ", "ban cu", "nháp", "dự phòng", "không dùng", "không sử dụng", "đã hủy", "đã huỷ",
    "hủy", "huỷ", "old", "backup", "bak", "draft", "archive", "unused")
#: Words (match keys) by which a file's name or folder marks it as a later version of the
#: same list: a supplement, a correction, an update (``bo-sung 05-12/Q-HM.xlsx``). Only when
#: neither a sent date nor the modification time orders two files (``spec/submission-form.md``,
#: "Corrections": "else the name's sort order").
NEWER_FILE_WORDS: tuple[str, ...] = (
    "bo sung", "bosung", "sua", "sua doi", "sua lai", "dieu chinh", "cap nhat", "moi nhat",
    "ban moi", "ban cuoi", "chinh thuc", "final", "update", "updated", "latest", "gui lai",
    "hoan chinh", "ban hoan chinh", "chot", "ban chot", "cuoi cung")
#: Words before one of :data:`NEWER_FILE_WORDS` that deny it (``chưa sửa``, ``chưa cập nhật``).
NOT_NEWER_WORDS: tuple[str, ...] = ("chua", "khong", "ko", "truoc", "truoc khi", "can")
#: The words of :data:`NOT_NEWER_WORDS` that, denying a word of :data:`NEWER_FILE_WORDS`, say
#: the file is the version before the correction (``chưa sửa``, ``trước khi sửa``, ``cần bổ
#: sung``): it never wins over a file of its unit not so marked, as an old copy
#: (:func:`thidua.ingest.versionwords.marks_older`). ``không``/``ko`` are not: ``không sửa``
#: may say there was nothing to correct.
BEFORE_CORRECTION_WORDS: tuple[str, ...] = ("chua", "truoc", "truoc khi", "can")

#: Names of people, three words or more, that Hà Nội's wards (before and after 01/07/2025) and
#: streets are named after (``Phường Lê Đại Hành``, ``phố Trần Hưng Đạo``): written after a
#: person's name in a registrant cell (``Nguyễn Văn An, Lê Đại Hành``), such a name is where
#: the person works or lives, not a second person (fresh tester T's T139: 12 counted for 8).
#: Source: the wards of the districts Hoàn Kiếm, Hai Bà Trưng, Ba Đình, Hoàng Mai, Hà Đông
#: and Sơn Tây before 2025, and Hà Nội's streets named after historical figures (Hoàn Kiếm,
#: Ba Đình, Hai Bà Trưng, Đống Đa, Cầu Giấy, Thanh Xuân, Từ Liêm, Hà Đông, Long Biên, Tây Hồ;
#: fresh tester U's U021–U040). Not every street: a name missing here still splits.
NAMESAKE_PLACES: tuple[str, ...] = (
    "Lê Đại Hành", "Trần Hưng Đạo", "Hoàng Văn Thụ", "Phan Chu Trinh", "Lý Thái Tổ",
    "Phạm Đình Hổ", "Bùi Thị Xuân", "Ngô Thì Nhậm", "Nguyễn Trung Trực", "Lý Thường Kiệt",
    "Phan Đình Phùng", "Hoàng Hoa Thám", "Nguyễn Thái Học", "Tôn Đức Thắng", "Nguyễn Chí Thanh",
    "Lê Văn Lương", "Phạm Văn Đồng", "Võ Chí Công", "Võ Nguyên Giáp", "Trần Duy Hưng",
    "Nguyễn Văn Cừ", "Ngô Gia Tự", "Nguyễn Văn Linh", "Lê Trọng Tấn", "Hồ Tùng Mậu",
    "Trần Quốc Hoàn", "Hoàng Quốc Việt", "Nguyễn Phong Sắc", "Trần Đăng Ninh", "Lê Thanh Nghị",
    "Trần Khát Chân", "Trần Nhật Duật", "Trần Quang Khải", "Lê Thái Tổ", "Đinh Tiên Hoàng",
    "Lê Thánh Tông", "Lý Nam Đế", "Phan Bội Châu", "Nguyễn Đình Chiểu", "Huỳnh Thúc Kháng",
    "Nguyễn Lương Bằng", "Tôn Thất Tùng", "Chu Văn An", "Phan Huy Chú", "Phạm Ngũ Lão",
    "Lê Hồng Phong", "Nguyễn Tri Phương", "Lê Văn Hưu", "Nguyễn Công Trứ", "Mai Hắc Đế",
    "Triệu Việt Vương", "Nguyễn Huy Tưởng", "Lạc Long Quân", "Võ Thị Sáu", "Khuất Duy Tiến",
    "Vũ Trọng Phụng", "Lê Văn Thiêm", "Hoàng Đạo Thúy", "Hoàng Minh Giám", "Nguyễn Thị Định",
    "Nguyễn Văn Huyên", "Nguyễn Khánh Toàn", "Đặng Thai Mai", "Nguyễn Hoàng Tôn",
    "Lê Quang Đạo", "Lê Đức Thọ", "Phạm Văn Bạch", "Trần Quốc Toản", "Trần Nhân Tông",
    "Nguyễn Thượng Hiền", "Phùng Chí Kiên", "Lê Quý Đôn", "Trần Bình Trọng", "Nguyễn Bỉnh Khiêm",
    "Lê Ngọc Hân", "Trần Xuân Soạn", "Hồ Xuân Hương", "Đoàn Thị Điểm", "Nguyễn Thị Minh Khai",
    "Trần Quý Cáp", "Đào Duy Anh", "Đào Duy Từ", "Tôn Thất Thiệp", "Phạm Hồng Thái",
    "Hoàng Văn Thái", "Nguyễn Văn Trỗi", "Đặng Văn Ngữ", "Phạm Ngọc Thạch", "Nguyễn Hữu Thọ",
    "Trần Thủ Độ", "Nguyễn Cơ Thạch", "Lưu Hữu Phước", "Đỗ Đức Dục", "Hồ Chí Minh",
    "Nguyễn Khắc Hiếu", "Nguyễn Văn Tố", "Lê Văn Linh", "Trần Kim Xuyến", "Nguyễn Ngọc Nại",
    "Vũ Tông Phan", "Phạm Tuấn Tài",
    "Ngô Văn Sở", "Trần Khánh Dư", "Nguyễn Hữu Huân", "Lê Phụng Hiểu", "Nguyễn Gia Thiều",
    "Nguyễn Khắc Cần", "Lý Đạo Thành", "Nguyễn Thiện Thuật", "Phạm Sư Mạnh", "Trần Nguyên Hãn",
    "Lương Văn Can", "Trần Huy Liệu", "Nguyễn Công Hoan", "Nguyễn Cảnh Chân",
    "Nguyễn Trường Tộ", "Tôn Thất Đàm", "Nguyễn Khắc Nhu", "Mai Anh Tuấn", "Trần Tế Xương",
    "Nguyễn Phạm Tuân", "Cao Bá Quát", "Nguyễn Văn Ngọc", "Lê Gia Định", "Vũ Hữu Lợi",
    "Trần Cao Vân", "Trần Thánh Tông", "Tăng Bạt Hổ", "Trần Quang Diệu", "Đặng Tiến Đông",
    "Hồ Đắc Di", "Ngô Sĩ Liên", "Nguyễn Như Đổ", "Lương Định Của", "Ngô Tất Tố", "Vũ Ngọc Phan",
    "Trần Hữu Tước", "Nguyễn Phúc Lai", "Hoàng Tích Trí", "Trịnh Hoài Đức", "Đặng Trần Côn",
    "Hoàng Đạo Thành", "Nguyễn Ngọc Doãn", "Hoàng Ngọc Phách", "Trần Đại Nghĩa", "Tạ Quang Bửu",
    "Dương Đình Nghệ", "Trần Thái Tông", "Nguyễn Thị Thập", "Nguyễn Đình Hoàn",
    "Nguyễn Ngọc Vũ", "Nguyễn Viết Xuân", "Văn Tiến Dũng", "Hoàng Công Chất", "Đặng Thùy Trâm",
    "Nguyễn Đình Thi", "Tôn Thất Thuyết", "Vũ Văn Cẩn", "Trần Văn Chuông", "Phan Đình Giót",
    "Hoàng Như Tiếp", "Nguyễn Cảnh Dị", "Nguyễn Duy Trinh", "Trần Quốc Tuấn", "Lý Công Uẩn",
    "Lê Văn Duyệt", "Võ Văn Kiệt", "Chu Huy Mân", "Huỳnh Tấn Phát", "Phan Văn Trị",
    "Lý Tự Trọng", "Phạm Thận Duật", "Đỗ Đình Thiện", "Bùi Xương Trạch", "Phan Kế Bính",
    "Nguyễn Văn Siêu", "Ngô Thì Sĩ", "Nguyễn Hữu Cầu", "Lê Văn Tám", "Mạc Thị Bưởi",
    "Mạc Đĩnh Chi", "Phan Huy Ích", "Lê Văn Thịnh", "Hồ Quý Ly", "Trần Khắc Chung",
    "Trần Quốc Vượng", "Lê Quang Định", "Đoàn Nhữ Hài", "Nguyễn Phi Khanh", "Trần Tử Bình",
    "Lê Trung Nghĩa", "Tống Duy Tân", "Đoàn Trần Nghiệp", "Dương Quảng Hàm", "Phạm Huy Thông", "Đinh Công Tráng",
)

#: The words a collective's name starts with, in lower case with diacritics (``Tổ`` is no
#: ``Tô``, ``Đoàn thanh niên`` no ``Đoàn Văn Hùng``), and, without diacritics, the ones of two
#: words or more: a registrant so named is never typed an individual by the position beside it
#: (``Công đoàn cơ sở Trường A`` | ``Chủ tịch``: the contact person's; fresh tester E's 102, 103).
COLLECTIVE_WORDS: tuple[str, ...] = (
    "công đoàn", "cđcs", "cđ", "tổ", "ban", "phòng", "khoa", "trường", "công ty", "chi đoàn",
    "đoàn thanh niên", "hội", "nhóm", "tập thể", "xí nghiệp", "nhà máy", "bệnh viện", "ủy ban",
    "uỷ ban", "ubnd", "chi bộ", "đảng ủy", "đảng uỷ", "liên đoàn", "lđlđ", "cơ quan", "đơn vị",
    "trung tâm", "viện", "bộ phận", "xưởng", "phân xưởng", "đội", "lớp", "trạm", "chi nhánh",
    "tổng công ty", "hợp tác xã", "htx", "ban chấp hành", "bch", "văn phòng", "sở", "cục",
    "chi cục", "trung đoàn")
COLLECTIVE_KEYS: tuple[str, ...] = (
    "cong doan", "cdcs", "cong ty", "chi doan", "doan thanh nien", "xi nghiep", "nha may",
    "benh vien", "uy ban", "ubnd", "chi bo", "dang uy", "lien doan", "ldld", "co quan",
    "don vi", "trung tam", "bo phan", "phan xuong", "chi nhanh", "tong cong ty", "hop tac xa",
    "ban chap hanh", "van phong", "chi cuc", "to cong doan", "tap the")
#: A position cell that says there is none (match keys): ``Không``, ``x``, ``Không có``.
NO_POSITION: tuple[str, ...] = ("khong", "ko", "k", "x", "khong co", "n a", "na", "none", "0")
#: How an example row is marked (``Ví dụ``, ``VD``, ``Ví dụ 1``, ``VD:``): match keys. A row
#: whose STT or first cell is one of them (a number or colon may follow), or whose STT, first
#: cell or model starts with one followed by a colon (``Ví dụ: Mô hình …``), is an example row:
#: ignored, never counted (:func:`thidua.ingest.cellrules.mark_examples`).
EXAMPLE_ROW_WORDS: tuple[str, ...] = ("vi du", "vidu", "vd", "example", "e.g.")

# --- headers written in other words (files made by others) -----------------------------------
#: A header names a column when, read word by word as match keys (no diacritics, lower case,
#: punctuation as spaces), its hint in brackets set aside, a leading word of
#: :data:`HEADER_LEADS` dropped, it starts with one of the column's heads and every word after
#: the head is one of :data:`HEADER_TAILS`: ``Lĩnh vực đăng ký``, ``Thuộc lĩnh vực``, ``Tên mô
#: hình, cách làm hay``, ``Xếp loại cuối năm``. The exact spellings of :data:`COLUMNS` come first
#: (``Tập thể/Cá nhân`` is ``Hình thức``; ``Tập thể, cá nhân thực hiện`` the registrant).
#: Source: ``spec/submission-form.md``, "The header row".
HEADER_HEADS: dict[str, tuple[str, ...]] = {
    "stt": ("stt", "so tt", "so thu tu"),
    "unit_code": ("ma don vi", "ma dv"),
    "model": ("ten mo hinh", "mo hinh", "noi dung mo hinh", "ten cach lam hay",
              "ten phan viec", "phan viec dan van kheo", "phan viec dvk", "ten cach lam",
              "cach lam hay", "ten cong trinh", "cong trinh phan viec", "ten sang kien"),
    "field": ("linh vuc", "nhom linh vuc"),
    "type": ("hinh thuc", "loai hinh", "tap the hay ca nhan", "tap the hoac ca nhan",
             "ca nhan hay tap the", "ca nhan hoac tap the", "ca nhan tap the", "doi tuong",
             "tt cn", "phan loai"),
    "registrant": ("ten tap the ca nhan", "tap the ca nhan", "ten tap the hoac ca nhan",
                   "ho va ten", "ho ten", "ten don vi ca nhan", "don vi ca nhan",
                   "ten ca nhan tap the", "ten tap the", "ten ca nhan", "nguoi thuc hien",
                   "chu the thuc hien", "tap the ca nhan thuc hien", "nguoi tap the"),
    "position": ("chuc vu", "chuc danh"),
    "level": ("cap cong doan", "cap quan ly", "cap dang ky", "cap thuc hien"),
    "grassroots_union": ("cong doan co so", "cdcs", "ten cdcs", "thuoc cdcs"),
    "period": ("thoi gian",),
    "result": ("ket qua", "xep loai", "danh gia"),
    "note": ("ghi chu",),
}
#: Headers that name one of two coded columns, the first by default, which the values under
#: them decide (:func:`thidua.ingest.headers.header_choices`): a unit's ``Loại`` column holds
#: ``Tập thể``/``Cá nhân`` in one form and ``Tiêu biểu``/``Hoàn thành`` in another. Source:
#: units' own forms (``spec/submission-form.md``, "The header row"; ``docs/contracts.md``).
AMBIGUOUS_HEADERS: dict[str, tuple[str, ...]] = {
    "loai": ("type", "result"), "phan loai": ("type", "result")}
#: Headers that name a coded column only when the values under them are of it (match keys):
#: ``Đối tượng`` holds ``Tập thể``/``Cá nhân`` in one form and whom a model serves (``Công
#: nhân lao động``) in another (fresh tester E's 206: every row rejected as a bad type).
WEAK_HEADERS: dict[str, str] = {"doi tuong": "type", "doi tuong dang ky": "type",
                                "doi tuong thuc hien": "type", "loai hinh": "type"}
#: Words that may open a header without changing it (``Thuộc lĩnh vực``).
HEADER_LEADS: tuple[str, ...] = ("thuoc",)
#: Words that may follow a head without changing it (``… đăng ký``, ``… thực hiện``, ``… của
#: mô hình``, ``… năm 2024``, ``Tên mô hình/phần việc``, ``… giải pháp``; a number is always
#: allowed).
HEADER_TAILS: frozenset[str] = frozenset(
    "dang ky thuc hien trien khai ap dung cua mo hinh dan van kheo dvk nam cach lam hay dien "
    "don vi cong doan cd tai theo duoc da dat va cuoi ket qua nguoi de xuat chinh bat dau ngay "
    "thang phan viec giai phap".split())
#: Words that may also follow one column's head (match keys): the position column of other
#: form versions is headed with the individual's workplace, ``Chức vụ, đơn vị công tác``,
#: ``Chức vụ, nơi công tác``, ``Chức vụ/Đơn vị công tác của cá nhân`` (fresh tester J's
#: J021, J110). Source: units' own forms (``docs/contracts.md``).
HEADER_HEAD_TAILS: dict[str, frozenset[str]] = {
    "position": frozenset("noi cong tac lam viec co quan ca nhan neu la doi voi".split()),
    "unit_code": frozenset({"gui"}),  # ``Mã đơn vị gửi`` (J128)
    # an older form without ``Chức vụ``: ``Tên tập thể/cá nhân, chức vụ`` (J126), the position
    # then read from the cell (:func:`thidua.ingest.registrant.split_position`)
    "registrant": frozenset("chuc vu danh".split())}

# --- a position written in the registrant's cell ---------------------------------------------
#: Words a position starts with (match keys): ``Nguyễn Văn A - Chủ tịch CĐCS`` in ``Tên tập
#: thể/cá nhân`` of an individual with no ``Chức vụ`` gives the name ``Nguyễn Văn A`` and the
#: position ``Chủ tịch CĐCS`` (told to the unit). Source: ``spec/submission-form.md``.
POSITION_WORDS: tuple[str, ...] = (
    "chu tich", "pho chu tich", "uy vien", "to truong", "to pho", "truong", "pho", "giam doc",
    "pho giam doc", "bi thu", "can bo", "cong nhan", "nhan vien", "giao vien", "bac si", "y si",
    "dieu duong", "ke toan", "ky su", "ky thuat vien", "doan vien", "chuyen vien", "thu quy",
    "hieu truong", "hieu pho", "cong chuc", "vien chuc", "nguoi lao dong", "lao dong",
    "duoc si", "ho ly", "giang vien", "can su", "thu ky", "chanh van phong", "quan doc",
    "doi truong", "ca truong", "tho", "lai xe", "bao ve", "cong an", "chien si", "ctcd", "ct",
    "pct", "uv bch", "uvbch", "cn", "cb", "gv", "nv")
