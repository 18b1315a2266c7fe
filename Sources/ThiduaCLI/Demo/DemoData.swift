/// The demo school, built from the 2024 "Dân vận chính quyền" plan of An Phước primary school
/// (Tân Hồng district, Đồng Tháp). Units follow the plan; the staff are fictional.
/// The files go through the same importers a user's CSV files do.
enum DemoData {
    static let units = """
        code,name,parent,kind
        DT,Tỉnh Đồng Tháp,,province
        DT-TH,Phòng Giáo dục và Đào tạo huyện Tân Hồng,DT,district
        THAP,Trường Tiểu học An Phước,DT-TH,school
        THAP-BGH,Ban giám hiệu,THAP,collective
        THAP-K1,Tổ chuyên môn khối 1,THAP,collective
        THAP-K23,Tổ chuyên môn khối 2-3,THAP,collective
        THAP-K45,Tổ chuyên môn khối 4-5,THAP,collective
        THAP-VP,Tổ văn phòng,THAP,collective
        THAP-CD,Công đoàn cơ sở Trường Tiểu học An Phước,THAP,collective
        THAP-CDTN,Chi đoàn Trường Tiểu học An Phước,THAP,collective
        """

    static let people = """
        code,full_name,unit,position,category,family_name,middle_name,given_name
        AP001,Trần Văn Minh,THAP-BGH,Hiệu trưởng,CBQL,,,
        AP002,Nguyễn Thị Ngọc Hân,THAP-BGH,Phó Hiệu trưởng,CBQL,,,
        AP003,Lê Hoàng Phúc,THAP-BGH,Phó Hiệu trưởng,CBQL,,,
        AP004,Phạm Thị Lan,THAP-K1,Tổ trưởng,VC,,,
        AP005,Võ Thị Lan,THAP-K1,Giáo viên,VC,,,
        AP006,Huỳnh Ngọc Ánh,THAP-K1,Giáo viên,VC,,,
        AP007,Đặng Văn An,THAP-K1,Giáo viên,VC,,,
        AP008,Bùi Thị Ân,THAP-K1,Giáo viên,VC,,,
        AP009,Ngô Văn Hùng,THAP-K23,Tổ trưởng,VC,,,
        AP010,Đỗ Minh Hùng,THAP-K23,Giáo viên,VC,,,
        AP011,Trương Thị Mỹ Duyên,THAP-K23,Giáo viên,VC,,,
        AP012,Lý Thị Thu Hà,THAP-K23,Giáo viên,VC,,,
        AP013,Tôn Nữ Minh Thư,THAP-K23,Giáo viên,VC,Tôn Nữ,Minh,Thư
        AP014,Châu Văn Bình,THAP-K23,Giáo viên,VC,,,
        AP015,Nguyễn Văn Dũng,THAP-K45,Tổ trưởng,VC,,,
        AP016,Nguyễn Thị Lan,THAP-K45,Giáo viên,VC,,,
        AP017,Phan Thanh Đức,THAP-K45,Giáo viên,VC,,,
        AP018,Hồ Thị Ẩn,THAP-K45,Giáo viên,VC,,,
        AP019,Dương Văn Tài,THAP-K45,Giáo viên,VC,,,
        AP020,Mai Thị Kim Chi,THAP-K45,Giáo viên Tiếng Anh,VC,,,
        AP021,Lâm Quốc Việt,THAP-K45,Giáo viên Tin học,VC,,,
        AP022,Trần Thị Bích Ngọc,THAP-VP,Kế toán,VC,,,
        AP023,Lê Thị Hồng,THAP-VP,Văn thư,VC,,,
        AP024,Nguyễn Văn Tư,THAP-VP,Bảo vệ,NLD,,,
        AP025,Phạm Văn Sáu,THAP-VP,Bảo vệ,NLD,,,
        AP026,Võ Thị Mười,THAP-VP,Phục vụ,NLD,,,
        AP027,Huỳnh Thị Thanh Tâm,THAP-CD,Chủ tịch Công đoàn,VC,,,
        AP028,Đoàn Minh Khoa,THAP-CDTN,Bí thư Chi đoàn,VC,,,
        AP029,Cao Thị Yến,THAP-K1,Giáo viên,VC,,,
        AP030,Nguyễn Hoàng Yến,THAP-K23,Giáo viên,VC,,,
        """

    /// The school the demo's accounts work in, and the district above it: the district's education office (its head a
    /// Trưởng phòng), whose papers go out under UBND huyện Tân Hồng.
    static let schoolCode = "THAP"
    static let districtCode = "DT-TH"
    static let districtName = "Phòng Giáo dục và Đào tạo huyện Tân Hồng"

    /// One demo account per role; the person code links it to a member of staff. Each account's roles hold on its unit
    /// and below: nil, the top unit (the installer's admin).
    static let accounts: [(name: String, roles: [String], personCode: String?, login: String, unit: String?)] = [
        ("Quản trị (demo)", ["admin"], nil, "quantri", nil),
        ("Trần Văn Minh", ["headmaster", "council"], "AP001", "minh.tran", schoolCode),
        ("Nguyễn Thị Ngọc Hân", ["council"], "AP002", "han.nguyen", schoolCode),
        ("Huỳnh Thị Thanh Tâm", ["union", "council"], "AP027", "tam.huynh", schoolCode),
        // The tổ trưởng of tổ 1: a teacher of the school like the others, and team lead of her own tổ (its bình xét).
        ("Phạm Thị Lan", ["staff", "team_lead"], "AP004", "lan.pham", schoolCode),
        // The district's education office (Phòng GD&ĐT): its roles reach every school below it, and no further.
        ("Lê Văn Quang (Phòng GD&ĐT)", ["headmaster", "council"], nil, "quang.le", districtCode),
    ]
}
