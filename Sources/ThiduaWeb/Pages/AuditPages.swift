import Foundation
import Hummingbird
import ThiduaCore
import ThiduaStore

/// Nhật ký (admin, headmaster): every recorded change, newest first, 50 a page, filtered by kind of record, by account
/// and by date; each entry links to its record and names the fields it changed.
extension WebPages {
    struct AuditContent {
        let entities: [Option]
        let accounts: [Option]
        let from: String
        let to: String
        let entries: [AuditRow]
        let next: String?
        let error: String?
    }

    struct AuditRow {
        let at: String
        let actor: String
        let action: String
        let record: String
        let link: String?
        let changes: String?
    }

    /// One step in a record's history.
    struct TimelineRow {
        let at: String
        let actor: String
        let action: String
    }

    /// A record's history, oldest first: the small timeline under a nomination or a model, for the registry roles (a
    /// teacher reading their own nomination does not see which council member did what).
    func timeline(entity: String, id: String, context: Context) async throws -> [TimelineRow] {
        guard let account = context.webSession?.account, Policy.can(account, .readRegistry) else { return [] }
        return try await audit.entries(entity: entity, id: id, logger: context.logger).map {
            TimelineRow(at: Self.vietnameseTime($0.at), actor: $0.actor, action: Self.actionName($0.action))
        }
    }

    /// The kinds of record in the log, as the filter names them.
    static var auditEntities: [(code: String, name: String)] {
        [
            ("nomination", "Đề nghị khen thưởng"), ("commendation", "Khen thưởng"), ("model", "Mô hình"), ("evidence", "Minh chứng"),
            ("movement", "Phong trào"), ("person", "Nhân sự"), ("unit", "Đơn vị"), ("account", "Tài khoản, đăng nhập"),
            ("login", "Đăng nhập bị từ chối"), ("document", "Văn bản"), ("base_salary", "Lương cơ sở"),
            ("award_rule", "Danh mục khen thưởng"),
        ]
    }

    func auditPage(request: Request, context: Context) async throws -> Response {
        let session = try session(context, allowedTo: .readAudit)
        let query = FormFields.query(request)
        func text(_ name: String) -> String { query[name].map { String($0).trimmingCharacters(in: .whitespaces) } ?? "" }
        let (entity, account, from, to) = (text("entity"), text("account"), text("from"), text("to"))
        var error: String?
        func day(_ typed: String, _ label: String) -> LocalDate? {
            guard !typed.isEmpty else { return nil }
            guard let date = LocalDate.parse(vietnamese: typed) else {
                error = "\(label) phải có dạng ngày/tháng/năm, ví dụ 15/09/2025."
                return nil
            }
            return date
        }
        let since = day(from, "Từ ngày").map(Self.startOfDay)
        let until = day(to, "Đến ngày").map { Self.startOfDay($0).addingTimeInterval(86_400) }
        let filter = AuditLog.Filter(
            entity: Self.auditEntities.contains { $0.code == entity } ? entity : nil, accountId: ID<Account>(account)?.rawValue,
            since: since, until: until, before: query["before"].flatMap { Int(String($0)) },
            units: Policy.units(for: .readAudit, session.account))
        let entries = error == nil ? try await audit.search(filter, limit: 51, logger: context.logger) : []
        let names = try await audit.names(of: Array(entries.prefix(50)), logger: context.logger)
        let accounts = try await self.accounts.list(within: Policy.units(for: .readAudit, session.account), logger: context.logger)
        var next: String?
        if entries.count > 50, let last = entries.prefix(50).last {
            next =
                "/audit?entity=\(Self.queryValue(entity))&account=\(Self.queryValue(account))&from=\(Self.queryValue(from))"
                + "&to=\(Self.queryValue(to))&before=\(last.seq)"
        }
        let content = AuditContent(
            entities: Self.auditEntities.map { Option(value: $0.code, label: $0.name, selected: $0.code == entity) },
            accounts: accounts.map { Option(value: $0.id.description, label: $0.displayName, selected: $0.id.description == account) },
            from: from, to: to,
            entries: entries.prefix(50).map { Self.auditRow($0, name: names["\($0.entity):\($0.entityId.lowercased())"]) }, next: next,
            error: error)
        return renderer.page(
            "audit", content, layout: Pages.layout(title: "Nhật ký", session: session, current: "/audit"),
            status: error == nil ? .ok : .unprocessableContent)
    }

    /// One entry; the record is named ("Phong trào: Dân vận khéo năm 2024") when its name is known, else by its id.
    static func auditRow(_ entry: AuditLog.Entry, name recordName: String?) -> AuditRow {
        let name = auditEntities.first { $0.code == entry.entity }?.name ?? entry.entity
        let link: String? =
            switch entry.entity {
            case "nomination": "/nominations/\(entry.entityId)"
            case "model": "/models/\(entry.entityId)"
            case "movement": "/movements/\(entry.entityId)"
            case "person": "/people/\(entry.entityId)/record"
            default: nil
            }
        return AuditRow(
            at: vietnameseTime(entry.at), actor: entry.actor, action: actionName(entry.action),
            record: recordName.map { "\(name): \($0)" } ?? "\(name) \(entry.entityId.prefix(8))",
            link: link, changes: changedFields(before: entry.before, after: entry.after))
    }

    /// "nomination.submitted" → "chuyển sang "đã gửi"", "person.update" → "sửa"; an unknown code is shown as it is.
    static func actionName(_ action: String) -> String {
        let verb = String(action.split(separator: ".", maxSplits: 1).last ?? "")
        let verbs = [
            "create": "tạo mới", "register": "đăng ký", "update": "sửa", "revoke": "thu hồi", "add": "thêm", "retract": "thu hồi",
            "start": "đăng nhập", "end": "đăng xuất", "refused": "đăng nhập sai", "throttled": "tạm khoá đăng nhập 15 phút",
            "eligibility-override": "cho qua điều kiện", "recusal": "ghi nhận không tham gia đánh giá",
            "password-link": "cấp đường dẫn đặt mật khẩu", "password-set": "đặt mật khẩu", "token": "cấp mã truy cập API",
            "policy": "sửa tỉ lệ khen thưởng", "review": "chấm điểm, biểu quyết", "answer": "ghi kết quả của cấp trên",
            "send_on": "trình tiếp lên cấp trên", "save": "lưu",
        ]
        if let name = verbs[verb] { return name }
        let status =
            NominationStatus(rawValue: verb)?.vietnameseName ?? ModelStatus(rawValue: verb)?.vietnameseName
            ?? MovementStatus(rawValue: verb)?.vietnameseName
        return status.map { "chuyển sang \"\($0)\"" } ?? action
    }

    /// "status, version": the top-level fields whose values differ between the two JSON snapshots.
    static func changedFields(before: String?, after: String?) -> String? {
        func object(_ text: String?) -> [String: Any] {
            guard let data = text?.data(using: .utf8) else { return [:] }
            return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
        }
        let (old, new) = (object(before), object(after))
        guard !old.isEmpty, !new.isEmpty else { return nil }
        let changed = Set(old.keys).union(new.keys).filter { key in
            switch (old[key], new[key]) {
            case (nil, nil): false
            case (let a?, let b?): !NSDictionary(dictionary: ["v": a]).isEqual(to: ["v": b])
            default: true
            }
        }
        return changed.isEmpty ? nil : changed.sorted().joined(separator: ", ")
    }

    /// Vietnam's calendar (UTC+7), in which pages write dates and times.
    static var vietnamCalendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 7 * 3600) ?? .current
        return calendar
    }

    /// Midnight at the start of a day in Vietnam.
    static func startOfDay(_ date: LocalDate) -> Date {
        vietnamCalendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day)) ?? Date()
    }

    /// "01/12/2026 09:30", in Vietnam's time.
    static func vietnameseTime(_ date: Date) -> String {
        let parts = vietnamCalendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        let day = LocalDate(parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1).vietnamese
        return day + " " + String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
    }
}
