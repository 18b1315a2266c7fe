import Foundation
import Hummingbird
import ThiduaCore
import ThiduaStore

/// Việc cần làm: what waits on the signed-in person, by role, oldest first (web-ui.md: "Start from what do I have to do").
extension WebPages {
    struct HomeContent {
        let greeting: String
        let sections: [Section]
    }

    struct Section {
        let title: String
        /// What the empty state says happens next.
        let empty: String
        let items: [QueueItem]
        /// A page for the whole section at once ("Trình tiếp nhiều đề nghị bằng một tờ trình").
        var more: SectionLink? = nil
    }

    struct SectionLink {
        let label: String
        let path: String
    }

    func home(context: Context) async throws -> Response {
        let session = try session(context)
        let account = session.account
        var sections: [Section] = []
        func add(
            _ title: String, empty: String, _ statuses: [NominationStatus], concerning: ID<Person>? = nil, office: Role? = nil,
            next: (label: String, link: (ID<Nomination>) -> String)? = nil
        ) async throws {
            let items = try await workQueue.nominations(
                in: statuses, concerning: concerning, units: concerning == nil ? Policy.units(for: .readRegistry, account) : nil,
                office: office.flatMap { Office($0, of: account) }, logger: context.logger
            ).map {
                QueueItem($0, path: next?.link($0.id), action: next?.label)
            }
            sections.append(Section(title: title, empty: empty, items: items))
        }
        /// Forwarded nominations that arrived at a unit where the account holds `role` (sql/0038): shown only when some did.
        func addArrived(_ role: Role, _ title: String, next: (label: String, link: (ID<Nomination>) -> String)) async throws {
            guard let office = Office(role, of: account) else { return }
            let arrived = try await workQueue.arrived(at: office, logger: context.logger)
            guard !arrived.isEmpty else { return }
            var section = Section(
                title: title, empty: "", items: arrived.map { QueueItem($0, path: next.link($0.id), action: next.label) })
            // The head may send on those a unit above in thidua receives, several with one tờ trình.
            if role == .headmaster, try await !workQueue.goingOn(at: office, limit: 1, logger: context.logger).isEmpty {
                section.more = SectionLink(label: "Trình tiếp nhiều đề nghị bằng một tờ trình", path: "/submissions/onward")
            }
            sections.append(section)
        }
        func addModels(
            _ title: String, empty: String, _ statuses: [ModelStatus], concerning: ID<Person>? = nil, action: String
        ) async throws {
            let items = try await workQueue.models(
                in: statuses, concerning: concerning, units: concerning == nil ? Policy.units(for: .readRegistry, account) : nil,
                logger: context.logger
            ).map {
                QueueItem($0, action: action)
            }
            sections.append(Section(title: title, empty: empty, items: items))
        }
        if Policy.can(account, .recognizeModel) {
            try await addModels(
                "Mô hình chờ công nhận", empty: "Chưa có mô hình nào đề nghị công nhận.", [.submitted], action: "Xem và công nhận")
        }
        if Policy.can(account, .decide) {
            try await add(
                "Hội đồng đã đề nghị, chờ Thầy/Cô duyệt", empty: "Chưa có đề nghị nào chờ Thầy/Cô duyệt.", [.recommended],
                office: .headmaster, next: ("Xem trước và ký quyết định", { _ in "/decisions/new" }))
            try await add(
                "Đã trình cấp trên, chờ quyết định", empty: "Không có đề nghị nào đang chờ cấp trên.", [.forwarded],
                office: .headmaster, next: ("Ghi kết quả của cấp trên", { "/nominations/\($0)#ket-qua" }))
            // Forwarded inside thidua to a unit this account heads (a district's head: the schools' tờ trình).
            try await addArrived(
                .headmaster, "Đơn vị cấp dưới trình lên, chờ Thầy/Cô quyết định",
                next: ("Xem hồ sơ và ghi quyết định", { "/nominations/\($0)#ket-qua" }))
        }
        if Policy.can(account, .review) {
            try await add(
                "Đề nghị chờ hội đồng đánh giá", empty: "Chưa có đề nghị nào chờ hội đồng đánh giá.", [.submitted, .inReview],
                office: .council, next: ("Chấm điểm", { "/nominations/\($0)/review" }))
            // Forwarded to a unit whose council this member sits on: its council reviews it before its head answers.
            try await addArrived(
                .council, "Đơn vị cấp dưới trình lên, chờ hội đồng đánh giá", next: ("Chấm điểm", { "/nominations/\($0)/review" }))
        }
        if Policy.can(account, .nominate) {
            try await add(
                "Đề nghị bị trả lại, cần bổ sung", empty: "Không có đề nghị nào bị trả lại.", [.returned],
                next: ("Xem lý do và gửi lại", { "/nominations/\($0)" }))
            try await add(
                "Đề nghị đang soạn (nháp)", empty: "Không có đề nghị nào đang soạn.", [.draft],
                next: ("Kiểm tra điều kiện và gửi", { "/nominations/\($0)" }))
        }
        if Policy.can(account, .registerModel) {
            try await addModels(
                "Mô hình đang thực hiện", empty: "Chưa có mô hình nào đang thực hiện; đăng ký mô hình từ trang của phong trào.",
                [.registered, .inProgress], action: "Thêm minh chứng, cập nhật")
        }
        if let person = account.personId {
            try await addModels(
                "Mô hình của tôi", empty: "Thầy/Cô chưa chủ trì mô hình nào.", ModelStatus.allCases, concerning: person,
                action: "Xem mô hình, thêm minh chứng")
            try await add(
                "Đề nghị khen thưởng của tôi", empty: "Chưa có đề nghị khen thưởng nào cho Thầy/Cô.",
                NominationStatus.allCases, concerning: person, next: ("Xem đề nghị", { "/nominations/\($0)" }))
        }
        return renderer.page(
            "home", HomeContent(greeting: "Xin chào, \(account.displayName)", sections: sections),
            layout: Pages.layout(title: "Việc cần làm", session: session, current: "/"))
    }
}

/// One card in a list of work — a nomination (its nominee, its award) or a model (its title, who leads it) — with its
/// movement, where it stands, and the page that does the next step.
struct QueueItem {
    let title: String
    let detail: String
    let movement: String
    let status: String
    let statusCode: String
    let changedOn: String
    let note: String?
    /// The page that does the next step, and the words on its link.
    let path: String?
    let action: String?

    init(_ item: WorkQueueRepository.Item, path: String?, action: String? = nil) {
        title = item.nominee
        detail = item.award
        movement = item.movement
        status = item.status.vietnameseName
        statusCode = item.status.rawValue
        changedOn = item.changedOn
        note = item.status == .returned ? item.returnReason.map { "Lý do trả lại: \($0)" } : nil
        self.path = path
        self.action = action
    }

    /// A model: its title, who leads it, its movement and when it is due to end.
    init(_ item: WorkQueueRepository.ModelItem, action: String) {
        title = item.title
        detail = "Chủ trì: \(item.owner)"
        movement = item.movement
        status = item.status.vietnameseName
        statusCode = item.status.rawValue
        changedOn = item.changedOn
        note = [.registered, .inProgress].contains(item.status) ? "Kết thúc ngày \(item.endsOn.vietnamese)" : nil
        path = "/models/\(item.id)"
        self.action = action
    }
}
