"""Word lists for the sample data: the form's accepted spellings and fictional content.

Every person name is composed from surname + middle + given-name lists; it describes no real
person. Organisation names are composed from generic words (school nicknames, invented trade
names) or name public bodies by function only.
Spellings of fields, types, levels and results come from ../shared/spec/submission-form.md.
"""

YEAR = 2024
#: The unit through which the city federation's own organs register (level thanh_pho).
CITY_UNIT = "CQ"
FIELDS = ("KT", "VHXH", "ANQP", "XDHTCT")
TYPES = ("collective", "individual")

# The seed article's 2024 figures (domain brief): valid registrations by field x type.
TARGETS = {
    ("KT", "collective"): 230, ("KT", "individual"): 1238,
    ("VHXH", "collective"): 467, ("VHXH", "individual"): 3446,
    ("ANQP", "collective"): 218, ("ANQP", "individual"): 1470,
    ("XDHTCT", "collective"): 214, ("XDHTCT", "individual"): 1050,
}

# Spelling families a unit may use in its "Lĩnh vực" column ("mixed" draws per row from all).
FIELD_SPELLINGS = {
    "names": {"KT": "Kinh tế", "VHXH": "Văn hóa - xã hội", "ANQP": "An ninh - quốc phòng",
              "XDHTCT": "Xây dựng hệ thống chính trị"},
    "codes": {"KT": "KT", "VHXH": "VHXH", "ANQP": "ANQP", "XDHTCT": "XDHTCT"},
    "old_accents": {"KT": "Kinh tế", "VHXH": "Văn hoá – Xã hội", "ANQP": "Quốc phòng - an ninh",
                    "XDHTCT": "Xây dựng hệ thống chính trị"},
    "short": {"KT": "KT", "VHXH": "VH-XH", "ANQP": "QP-AN", "XDHTCT": "XD HTCT"},
    "short_an": {"KT": "Kinh tế", "VHXH": "VH-XH", "ANQP": "AN-QP", "XDHTCT": "XD HTCT"},
}
ALL_FIELD_SPELLINGS = {code: sorted({fam[code] for fam in FIELD_SPELLINGS.values()})
                       for code in FIELDS}
TYPE_SPELLINGS = {"full": {"collective": "Tập thể", "individual": "Cá nhân"},
                  "abbr": {"collective": "TT", "individual": "CN"}}
LEVEL_SPELLINGS = {"thanh_pho": ("Thành phố",),
                   "cap_tren_co_so": ("Cấp trên trực tiếp cơ sở", "Cấp trên cơ sở"),
                   "co_so": ("Cơ sở",)}
SUBHEADINGS = {"KT": "I. LĨNH VỰC KINH TẾ", "VHXH": "II. LĨNH VỰC VĂN HÓA - XÃ HỘI",
               "ANQP": "III. LĨNH VỰC AN NINH - QUỐC PHÒNG",
               "XDHTCT": "IV. LĨNH VỰC XÂY DỰNG HỆ THỐNG CHÍNH TRỊ"}

# Canonical form headers (spec order) and the spellings units use for some of them.
COLUMNS = ("STT", "Tên mô hình", "Lĩnh vực", "Hình thức", "Tên tập thể/cá nhân", "Chức vụ",
           "Cấp công đoàn", "Công đoàn cơ sở", "Thời gian thực hiện", "Kết quả", "Ghi chú")
HEADER_VARIANTS = {
    "STT": ("STT",),
    "Tên mô hình": ("Tên mô hình", "Tên mô hình (*)", "TÊN MÔ HÌNH", "Tên  mô hình"),
    "Lĩnh vực": ("Lĩnh vực", "LĨNH VỰC", "Lĩnh vực (*)", "Lĩnh\nvực"),
    "Hình thức": ("Hình thức", "Hình thức\n(Tập thể/Cá nhân)", "HÌNH THỨC"),
    "Tên tập thể/cá nhân": ("Tên tập thể/cá nhân", "Tên tập thể/cá nhân (*)", "TÊN TẬP THỂ/CÁ NHÂN"),
    "Chức vụ": ("Chức vụ", "CHỨC VỤ"),
    "Cấp công đoàn": ("Cấp công đoàn", "CẤP CÔNG ĐOÀN"),
    "Công đoàn cơ sở": ("Công đoàn cơ sở", "CÔNG ĐOÀN CƠ SỞ"),
    "Thời gian thực hiện": ("Thời gian thực hiện", "Thời gian\nthực hiện", "THỜI GIAN THỰC HIỆN"),
    "Kết quả": ("Kết quả", "KẾT QUẢ"),
    "Ghi chú": ("Ghi chú", "GHI CHÚ"),
}
# Header spellings with accents dropped (the spec says matching ignores accents).
UNACCENTED_HEADERS = {"Lĩnh vực": "Linh vuc", "Kết quả": "Ket qua", "Ghi chú": "Ghi chu"}

SURNAMES = ("Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Trần", "Lê", "Lê", "Phạm", "Hoàng", "Vũ",
            "Đặng", "Bùi", "Đỗ", "Ngô", "Dương", "Phan", "Trịnh", "Đinh", "Lương", "Tạ", "Mai",
            "Cao", "Kiều", "Chu", "Khuất", "Đào", "Lưu", "Hà", "Tô", "Nghiêm")
MIDDLE = {"m": ("Văn", "Văn", "Đức", "Minh", "Quang", "Hữu", "Mạnh", "Thành", "Xuân", "Tiến"),
          "f": ("Thị", "Thị", "Thị", "Thu", "Ngọc", "Thanh", "Phương", "Hồng", "Minh", "Kim")}
GIVEN = {"m": ("An", "Bình", "Cường", "Dũng", "Duy", "Hải", "Hiếu", "Hùng", "Khánh", "Long",
               "Nam", "Phong", "Quân", "Sơn", "Thắng", "Trung", "Tuấn", "Việt", "Hưng", "Toàn"),
         "f": ("Anh", "Chi", "Dung", "Giang", "Hà", "Hạnh", "Hằng", "Hoa", "Hương", "Lan",
               "Linh", "Mai", "Nga", "Ngọc", "Nhung", "Oanh", "Phượng", "Thảo", "Trang", "Yến")}

SCHOOL_NAMES = ("Hoa Sen", "Sơn Ca", "Hoa Mai", "Ánh Dương", "Bình Minh", "Thăng Long",
                "Hoa Hồng", "Họa Mi", "Ban Mai", "Vành Khuyên", "Hoa Sữa", "Tuổi Hoa",
                "Đoàn Kết", "Hữu Nghị", "Sao Mai", "Hướng Dương")
TRADE_NAMES = ("Minh Phát", "Hưng Thịnh", "An Phú", "Thành Đạt", "Phúc Hưng", "Tân Tiến",
               "Hồng Phát", "Đức Thành", "Việt Tiến", "Quang Minh", "Nam Thành", "Bảo Long",
               "Kim Ngân", "Phú Gia", "Trường Sơn", "Hòa Phát Lộc", "Thiên Ân", "Sao Việt")
SECTORS = {
    "quan_huyen": ("Thương mại và Dịch vụ", "Xây dựng", "May mặc", "Cơ khí", "Thực phẩm",
                   "Vận tải", "Môi trường đô thị"),
    "N-CT": ("Thương mại", "Điện máy", "Thực phẩm", "Dược phẩm", "Bia - Nước giải khát"),
    "N-DM": ("May", "Dệt", "Dệt kim", "May xuất khẩu"),
    "N-GTVT": ("Xe khách", "Vận tải hành khách", "Đường sắt đô thị", "Cầu đường"),
    "N-NN": ("Thủy lợi", "Giống cây trồng", "Chăn nuôi", "Nông sản"),
    "N-XD": ("Xây dựng", "Đầu tư và Xây dựng", "Vật liệu xây dựng", "Cấp thoát nước"),
    "khu_cong_nghiep": ("Điện tử", "Cơ khí chính xác", "Linh kiện ô tô", "Nhựa", "Bao bì"),
    "tong_cong_ty": ("Vận tải", "Thương mại", "Du lịch", "Hạ tầng đô thị", "Nước sạch",
                     "Dịch vụ"),
}
PUBLIC_BODIES = {
    "vien_chuc": ("Sở Tài chính", "Sở Nội vụ", "Sở Tư pháp", "Sở Xây dựng", "Sở Văn hóa và Thể thao",
                  "Sở Khoa học và Công nghệ", "Thư viện thành phố", "Trung tâm Lưu trữ thành phố",
                  "Ban Quản lý dự án đầu tư xây dựng công trình dân dụng", "Văn phòng HĐND thành phố"),
    "co_quan": ("Cung Văn hóa Lao động", "Trường Trung cấp nghề Công đoàn",
                "Nhà khách Công đoàn", "Trung tâm Tư vấn pháp luật Công đoàn"),
    "N-YT": ("Bệnh viện Đa khoa", "Trung tâm Y tế", "Bệnh viện Đa khoa", "Trung tâm Y tế"),
    "N-GD": ("Trường THPT", "Trường THPT", "Trung tâm GDNN-GDTX"),
}
SCHOOL_LEVELS = ("Trường Mầm non", "Trường Tiểu học", "Trường THCS")
PLACES = ("Phú Lãm", "Đồng Mai", "Kim Chung", "Nguyên Khê", "Tam Hiệp", "Yên Viên", "Cổ Bi",
          "Đại Mỗ", "Tây Mỗ", "Xuân Đỉnh", "Thụy Phương", "Tân Triều", "Vĩnh Quỳnh", "Phù Lỗ")
HAMLETS = ("thôn Đông", "thôn Đoài", "thôn Thượng", "thôn Hạ", "thôn Trung", "tổ dân phố số 3",
           "tổ dân phố số 7", "tổ dân phố số 12", "ngõ 25", "ngõ 168", "ngõ 42")

# Model names: (template, fillers). "{}" takes a filler; templates without "{}" take none.
MODELS = {
    "KT": (("Ứng dụng chuyển đổi số trong {}", ("quản lý đoàn viên", "quản lý tài chính công đoàn",
             "chấm công, tính lương", "quản lý hồ sơ", "giảng dạy và học tập", "quản lý kho vật tư",
             "theo dõi tiến độ sản xuất", "thanh toán không dùng tiền mặt")),
           ("Sáng kiến cải tiến {}", ("quy trình làm việc", "kỹ thuật trên dây chuyền", "thủ tục hành chính",
             "khâu đóng gói sản phẩm", "quy trình kiểm tra chất lượng")),
           ("Tiết kiệm {} tại nơi làm việc", ("điện, nước", "văn phòng phẩm", "nguyên vật liệu",
             "chi phí hành chính")),
           ("Hỗ trợ đoàn viên {}", ("phát triển kinh tế gia đình", "vay vốn không lãi",
             "tiêu thụ nông sản", "học nghề, chuyển đổi việc làm")),
           ("Quỹ tương trợ vốn vay không lãi cho đoàn viên", ()),
           ("Nâng cao năng suất lao động {}", ("gắn với thi đua lao động giỏi", "bằng phong trào 5S",
             "trong tổ sản xuất")),
           ("Phiên chợ sản phẩm OCOP của đoàn viên", ()),
           ("Tổ hợp tác {} của đoàn viên", ("trồng rau an toàn", "nuôi trồng thủy sản", "làm nghề truyền thống")),
           ("Thi đua lao động giỏi, lao động sáng tạo {}", ("năm 2024", "trong công nhân", "gắn với sáng kiến"))),
    "VHXH": (("Điểm sinh hoạt văn hóa công nhân khu nhà trọ {}", HAMLETS),
             ("Tủ sách Công đoàn {}", ("cho con công nhân", "tại nơi làm việc", "khu nhà trọ",
               "điện tử", "và góc đọc thiếu nhi")),
             ("Bữa cơm Công đoàn", ()), ("Chợ Tết Công đoàn", ()),
             ("Mái ấm Công đoàn cho đoàn viên {}", ("có hoàn cảnh khó khăn", "bị tai nạn lao động")),
             ("Câu lạc bộ {} của đoàn viên", ("thể dục thể thao", "văn nghệ", "cầu lông",
               "dưỡng sinh", "bóng đá", "nữ công")),
             ("Ngày hội gia đình công nhân", ()), ("Hiến máu tình nguyện {}", ("vì cộng đồng", "định kỳ hằng năm")),
             ("Đồng hành cùng con công nhân {}", ("đến trường", "vui Tết Trung thu", "học bơi an toàn")),
             ("Chăm sóc sức khỏe {}", ("nữ công nhân", "đoàn viên cao tuổi", "người lao động làm ca")),
             ("Tuyên truyền phòng chống bạo lực gia đình {}", ("trong đoàn viên", "tại khu nhà trọ")),
             ("Ký túc xá an toàn, văn minh cho công nhân", ()),
             ("Quỹ khuyến học {}", ("cho con đoàn viên", "tiếp sức đến trường"))),
    "ANQP": (("Phòng chống lừa đảo trực tuyến trong CNVCLĐ", ()),
             ("Tổ công nhân tự quản an ninh trật tự khu nhà trọ {}", HAMLETS),
             ("Camera an ninh {}", ("khu nhà trọ công nhân", "ngõ xóm", "khu tập thể")),
             ("Phòng cháy chữa cháy {}", ("tại nơi làm việc", "tại khu nhà trọ", "trong doanh nghiệp",
               "tại cơ sở giáo dục")),
             ("Công nhân với an toàn giao thông", ()), ("Cổng trường an toàn giao thông", ()),
             ("Tuyên truyền phòng chống ma túy {}", ("trong công nhân", "trong trường học")),
             ("Đoàn viên tham gia bảo vệ an ninh Tổ quốc {}", ("ở khu dân cư", "tại doanh nghiệp")),
             ("Bảo vệ bí mật nhà nước trên không gian mạng", ()),
             ("Phối hợp giữ gìn an ninh trật tự {}", ("khu công nghiệp", "địa bàn dân cư", "bến xe, nhà ga"))),
    "XDHTCT": (("Đối thoại định kỳ giữa người sử dụng lao động và người lao động", ()),
               ("Phát triển đoàn viên, thành lập công đoàn cơ sở {}", ("tại doanh nghiệp ngoài nhà nước",
                 "trong khu vực phi kết cấu", "tại hợp tác xã")),
               ("Giới thiệu đoàn viên ưu tú cho Đảng xem xét kết nạp", ()),
               ("Nâng cao chất lượng sinh hoạt {}", ("tổ công đoàn", "Ban Chấp hành công đoàn cơ sở",
                 "chi bộ gắn với công đoàn")),
               ("Lắng nghe ý kiến đoàn viên qua {}", ("hòm thư điện tử", "nhóm Zalo", "hộp thư góp ý")),
               ("Thương lượng, ký kết thỏa ước lao động tập thể {}", ("có lợi hơn cho người lao động",
                 "theo nhóm doanh nghiệp")),
               ("Thực hiện dân chủ ở cơ sở {}", ("tại nơi làm việc", "gắn với hội nghị người lao động")),
               ("Công đoàn số: {}", ("sinh hoạt công đoàn trực tuyến", "thẻ đoàn viên điện tử")),
               ("Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh {}",
                ("trong đoàn viên", "gắn với nhiệm vụ chuyên môn"))),
}
MODEL_SUFFIXES = ("", "", "", " năm 2024", " tại {union}", " tại {union}")

POSITIONS = {
    "co_so": ("Chủ tịch CĐCS", "Phó Chủ tịch CĐCS", "Ủy viên BCH", "Tổ trưởng công đoàn",
              "Đoàn viên", "Đoàn viên"),
    "school": ("Giáo viên", "Giáo viên", "Tổ trưởng chuyên môn", "Nhân viên", "Kế toán"),
    "health": ("Bác sĩ", "Điều dưỡng", "Kỹ thuật viên", "Dược sĩ"),
    "factory": ("Công nhân", "Công nhân", "Tổ trưởng sản xuất", "Kỹ sư", "Nhân viên"),
    "office": ("Chuyên viên", "Nhân viên", "Kế toán"),
    "cap_tren_co_so": ("Phó Chủ tịch", "Trưởng ban Tuyên giáo", "Trưởng ban Nữ công",
                       "Ủy viên Ban Thường vụ", "Chuyên viên", "Chuyên viên"),
    "thanh_pho": ("Trưởng ban Tuyên giáo", "Phó Trưởng ban Tổ chức", "Chuyên viên Văn phòng",
                  "Chuyên viên Ban Chính sách - Pháp luật", "Chuyên viên Ban Nữ công",
                  "Phó Chánh Văn phòng"),
}
DEPARTMENTS = ("Ban Tuyên giáo", "Ban Nữ công", "Ban Tổ chức - Kiểm tra", "Văn phòng",
               "Ban Chính sách - Pháp luật")
RESULTS = (("Hoàn thành", 79), ("Tiêu biểu", 7), ("Chưa đánh giá", 4), ("", 8.5),
           ("Không hoàn thành", 1.5))
NOTES = (("", 80), ("Mô hình mới", 6), ("Duy trì từ năm 2023", 5), ("Nhân rộng", 4),
         ("Phối hợp với Hội Liên hiệp Phụ nữ", 3), ("Đề nghị biểu dương", 2))
PERIODS = (("01/01/2024 - 31/12/2024", 55), ("01/2024 - 12/2024", 20), ("03/2024 - 11/2024", 5),
           ("01/02/2024 - 30/11/2024", 5), ("06/2024 - 12/2024", 4), ("09/2023 - 12/2024", 2),
           ("", 9))
