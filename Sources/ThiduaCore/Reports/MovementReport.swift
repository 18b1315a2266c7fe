/// One movement's model initiatives for the year-end review (tổng kết): owners, evidence, review scores and outcomes.
public struct MovementReport: Equatable, Sendable {
    public struct Line: Equatable, Sendable, Codable {
        public let title: String
        public let field: String
        public let owner: String
        public let status: ModelStatus
        public let evidence: Int
        public let reviews: Int
        public let averageScore: Double?
        public let recognition: ModelInitiative.Recognition?

        public init(
            title: String, field: String, owner: String, status: ModelStatus, evidence: Int, reviews: Int, averageScore: Double?,
            recognition: ModelInitiative.Recognition?
        ) {
            self.title = title
            self.field = field
            self.owner = owner
            self.status = status
            self.evidence = evidence
            self.reviews = reviews
            self.averageScore = averageScore
            self.recognition = recognition
        }

        /// "Công nhận cấp trường (44/QĐ-THAP, 18/12/2024)", or the status in words.
        public var outcome: String {
            guard let recognition else { return status.vietnameseName.prefix(1).uppercased() + status.vietnameseName.dropFirst() }
            let level = ["school": "trường", "district": "huyện", "province": "tỉnh"][recognition.level] ?? recognition.level
            return "Công nhận cấp \(level) (\(recognition.decision), \(recognition.date.vietnamese))"
        }

        /// One decimal with the Vietnamese decimal comma: "88,5".
        public var score: String {
            averageScore.map { String(format: "%.1f", $0).replacingOccurrences(of: ".", with: ",") } ?? ""
        }
    }

    public let name: String
    public let period: Period
    public let status: MovementStatus
    public let unitName: String
    public let maxPoints: Int
    public let lines: [Line]
    /// The unit that runs the movement, with its managing agency, for the header of Nghị định 30/2020.
    public let issuer: HonorList.Issuer

    public init(
        name: String, period: Period, status: MovementStatus, unitName: String, maxPoints: Int, lines: [Line],
        issuer: HonorList.Issuer? = nil
    ) {
        self.name = name
        self.period = period
        self.status = status
        self.unitName = unitName
        self.maxPoints = maxPoints
        self.lines = lines
        self.issuer = issuer ?? HonorList.Issuer(unitName: unitName, parentName: "", place: "")
    }

    public static let columns = ["STT", "Tên mô hình", "Lĩnh vực", "Chủ trì", "Minh chứng", "Số đánh giá", "Điểm trung bình", "Kết quả"]

    public func cells(_ index: Int, _ line: Line) -> [String] {
        [String(index + 1), line.title, line.field, line.owner, String(line.evidence), String(line.reviews), line.score, line.outcome]
    }

    public var recognized: Int { lines.filter { $0.status == .recognized }.count }
}
