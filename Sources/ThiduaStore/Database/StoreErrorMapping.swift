import PostgresNIO
import ThiduaCore

/// Turns PostgreSQL's refusals into `DomainError`s by constraint name; `PSQLError` never leaves ThiduaStore.
/// Anything not recognised is rethrown as it is (and becomes a generic 500 at the edge).
public enum StoreErrorMapping {
    static func map(_ error: any Error) -> any Error {
        if isDatabaseUnavailable(error) { return unavailable }
        guard let error = error as? PSQLError, let info = error.serverInfo else { return error }
        let constraint = info[.constraintName] ?? ""
        if let known = byConstraint[constraint] { return known }
        switch info[.sqlState].map(PostgresError.Code.init(raw:)) {
        case .uniqueViolation: return DomainError(.conflict, "Dữ liệu trùng với một bản ghi đã có.")
        case .foreignKeyViolation:
            return DomainError.validation([.init(field: constraint, message: "Tham chiếu tới bản ghi không tồn tại.")])
        case .checkViolation, .notNullViolation, .invalidTextRepresentation, .stringDataRightTruncation, .numericValueOutOfRange,
            .invalidDatetimeFormat, .datetimeFieldOverflow, .characterNotInRepertoire, .programLimitExceeded:
            return DomainError.validation([.init(field: constraint, message: "Dữ liệu vi phạm ràng buộc \(constraint).")])
        default: return error
        }
    }

    private static let byConstraint: [String: DomainError] = [
        "units_code_key": DomainError(
            .conflict, "Mã đơn vị đã tồn tại.", violations: [.init(field: "code", message: "Mã đơn vị đã tồn tại.")]),
        "units_parent_fkey": .validation([.rule(field: "parent", message: "Không tìm thấy đơn vị cấp trên.")]),
        "units_parent_cycle": .validation([.init(field: "parent", message: "Đơn vị không thể nằm dưới chính nó.")]),
        "people_unit_fkey": .validation([.rule(field: "unitId", message: "Không tìm thấy đơn vị.")]),
        "people_code_key": DomainError(
            .conflict, "Mã nhân sự đã tồn tại.", violations: [.init(field: "code", message: "Mã nhân sự đã tồn tại.")]),
        "people_name_parts_match": .validation([
            .rule(field: "familyName", message: "Họ, tên đệm và tên phải ghép lại đúng bằng họ và tên.")
        ]),
        "accounts_person_fkey": .validation([.rule(field: "personId", message: "Không tìm thấy cá nhân.")]),
        "accounts_login_key": DomainError(
            .conflict, "Tên đăng nhập này đã có người dùng.",
            violations: [.init(field: "login", message: "Tên đăng nhập này đã có người dùng; hãy chọn tên khác.")]),
        "title_periods_one_per_period": DomainError(
            .conflict, "Người hoặc tập thể này đã có danh hiệu này trong cùng thời gian; một thành tích chỉ được khen thưởng một lần."),
        "audit_log_append_only": DomainError(.immutableRecord, "Nhật ký thay đổi chỉ được ghi thêm, không được sửa hay xoá."),
        "immutable_record": DomainError(.immutableRecord, "Bản ghi này không được sửa hay xoá."),
        // sql/0037: the database's own scope check, whatever route made the change; out of scope looks like not there.
        "out_of_scope": .notFound("bản ghi này trong các đơn vị tài khoản được giao"),
        "role_grants_out_of_scope": .forbidden(
            "Chỉ quản trị của đơn vị này hoặc của đơn vị cấp trên mới được giao hay thu hồi vai trò tại đây."),
        "submission_answers_by_receiver": .forbidden(
            "Đề nghị này đã trình lên một đơn vị dùng thidua; lãnh đạo đơn vị đó xem xét và ghi quyết định, không phải trường."),
        "reviews_by_receiving_council": .forbidden(
            "Đề nghị này đã trình lên cấp trên và đang được hội đồng thi đua – khen thưởng ở đó xét; chỉ thành viên hội đồng đó chấm."),
        "forwarded_leaves_by_answer": .forbidden(
            "Đề nghị này đã trình lên một đơn vị dùng thidua; chỉ kết quả do lãnh đạo đơn vị đó ghi mới khép lại đề nghị."),
        // sql/0043: forwarding again, one unit in thidua at a time.
        "submission_answers_sent_on_first": DomainError(
            .conflict,
            "Cấp có thẩm quyền quyết định khen thưởng này dùng thidua: hãy trình tiếp đề nghị lên đơn vị đó; lãnh đạo đơn vị đó ghi "
                + "quyết định."),
        "onward_submissions_open": DomainError(
            .conflict, "Đề nghị không còn chờ đơn vị này xem xét (đã trình tiếp hoặc đã có kết quả); hãy tải lại trang."),
        "onward_submissions_pkey": DomainError(.conflict, "Đơn vị này đã trình tiếp đề nghị này rồi."),
        "onward_submissions_by_receiver": .forbidden("Chỉ lãnh đạo đơn vị đang xem xét đề nghị mới trình tiếp lên cấp trên."),
        "onward_submissions_to_thidua": DomainError(
            .conflict, "Không có đơn vị cấp trên nào dùng thidua để trình tiếp; hãy ghi kết quả của cấp trên khi nhận được văn bản."),
        "onward_submissions_date": .validation([
            .rule(field: "submissionDate", message: "Tờ trình không thể trước ngày tờ trình gửi lên.")
        ]),
        "onward_submissions_number_text": .validation([
            .init(field: "submissionNumber", message: "Số tờ trình phải có và dài không quá 100 ký tự.")
        ]),
        "accounts_roles_check": .validation([
            .rule(field: "roles", message: "Tài khoản phải còn ít nhất một vai trò; muốn thôi cho dùng, hãy khoá tài khoản.")
        ]),
        "workflow_transition": DomainError(.invalidTransition, "Cơ sở dữ liệu từ chối bước chuyển trạng thái này."),
        "legal_documents_number_issuer_key": DomainError(
            .conflict, "Văn bản có cùng số, ký hiệu và cơ quan ban hành đã có.",
            violations: [.init(field: "number", message: "Văn bản đã có.")]),
        "unit_legal_bases_document_fkey": .validation([
            .rule(field: "documentIds", message: "Không tìm thấy văn bản này trong danh sách văn bản căn cứ.")
        ]),
        "movements_unit_fkey": .validation([.rule(field: "unitId", message: "Không tìm thấy đơn vị phát động.")]),
        "movement_legal_bases_document_fkey": .validation([.rule(field: "legalBases", message: "Có văn bản căn cứ không tồn tại.")]),
        "movements_deadlines_in_period": .validation([
            .rule(field: "registrationDeadline", message: "Hạn phải nằm trong kỳ của phong trào.")
        ]),
        "model_initiatives_field_fkey": .validation([
            .rule(field: "field", message: "Lĩnh vực phải là economy, culture_society, defence_security hoặc political_system.")
        ]),
        "model_initiatives_owner_person_fkey": .validation([.rule(field: "owner", message: "Không tìm thấy cá nhân chủ trì mô hình.")]),
        "model_initiatives_owner_unit_fkey": .validation([.rule(field: "owner", message: "Không tìm thấy tập thể chủ trì mô hình.")]),
        "model_initiatives_registration_open": DomainError(.conflict, "Phong trào không còn nhận đăng ký mô hình."),
        "registrations_movement_open": DomainError(.conflict, "Phong trào không còn mở; không nhận đăng ký thi đua."),
        "registrations_title_period_kind": .validation([
            .rule(
                field: "movementId", message: "Đăng ký danh hiệu trong phong trào theo kỳ xét danh hiệu của đơn vị (trường học: năm học).")
        ]),
        "registrations_date": .validation([
            .rule(
                field: "registeredOn",
                message: "Ngày đăng ký phải trong thời gian của phong trào, không sau hạn đăng ký và không sau hôm nay.")
        ]),
        "registrations_title_kind": .validation([
            .rule(
                field: "title",
                message: "Danh hiệu đăng ký phải là danh hiệu thi đua dành cho cá nhân (LĐTT, CSTĐ) hoặc tập thể (TTLĐTT, TTLĐXS).")
        ]),
        "registrations_award_kind": .validation([
            .rule(field: "award", message: "Hình thức khen thưởng đăng ký phải là giấy khen, bằng khen dành cho người hoặc tập thể này.")
        ]),
        "registrations_title_fkey": .validation([.rule(field: "title", message: "Không có danh hiệu này trong danh mục.")]),
        "registrations_award_fkey": .validation([.rule(field: "award", message: "Không có hình thức khen thưởng này trong danh mục.")]),
        "registrations_person_fkey": .validation([.rule(field: "nominee", message: "Không tìm thấy cá nhân.")]),
        "registrations_unit_fkey": .validation([.rule(field: "nominee", message: "Không tìm thấy tập thể.")]),
        "registrations_movement_fkey": DomainError.notFound("phong trào"),
        "achievement_reports_open": DomainError(
            .conflict, "Đề nghị đã được trình cấp trên hoặc đã có quyết định; báo cáo thành tích được giữ nguyên như khi gửi."),
        "postings_once_a_day": DomainError(
            .conflict, "Phong trào đã có đợt niêm yết bắt đầu ngày này.",
            violations: [.init(field: "postedOn", message: "Đã có đợt niêm yết bắt đầu ngày này.")]),
        "posting_comments_on_the_list": .validation([
            .rule(field: "nominationId", message: "Đề nghị này không có trong danh sách niêm yết.")
        ]),
        "posting_comments_in_window": DomainError(.conflict, "Ngoài thời gian niêm yết; không nhận góp ý."),
        "commendations_after_posting": DomainError(
            .conflict, "Đề nghị đang được niêm yết công khai; chỉ ký quyết định sau ngày cuối cùng niêm yết.",
            violations: [.init(field: "decisionDate", message: "Ngày quyết định phải sau thời gian niêm yết.")]),
        "submissions_addressee_text": .validation([
            .init(field: "addressee", message: "Nơi nhận tờ trình (Kính gửi) tối đa 300 ký tự.")
        ]),
        "submission_answers_text": .validation([
            .init(field: "issuer", message: "Cơ quan trả lời tối đa 200 ký tự, số văn bản tối đa 100, lý do tối đa 1.000.")
        ]),
        "submission_answers_after_submission": .validation([
            .rule(field: "decisionDate", message: "Văn bản trả lời không thể trước ngày tờ trình.")
        ]),
        "submission_answers_award_of_outcome": .validation([
            .rule(field: "award", message: "Được duyệt là hình thức đã đề nghị; duyệt hình thức khác là một hình thức khác.")
        ]),
        "registrations_person_once": DomainError(
            .conflict, "Người này đã có bản đăng ký trong phong trào; hãy rút bản cũ trước khi đăng ký lại."),
        "registrations_unit_once": DomainError(
            .conflict, "Tập thể này đã có bản đăng ký trong phong trào; hãy rút bản cũ trước khi đăng ký lại."),
        "councils_once_a_period": DomainError(
            .conflict, "Hội đồng Thi đua – Khen thưởng của kỳ này đã được ghi.",
            violations: [.init(field: "period", message: "Mỗi năm học có một quyết định thành lập Hội đồng.")]),
        "council_members_person_fkey": .validation([.rule(field: "members", message: "Không tìm thấy một thành viên Hội đồng.")]),
        "council_meetings_movement_key": DomainError(
            .conflict, "Cuộc họp Hội đồng của phong trào này đã được ghi; biên bản không ghi lại lần hai."),
        "council_meetings_date": .validation([
            .rule(
                field: "heldOn",
                message: "Ngày họp phải trong thời gian của phong trào, không trước ngày thành lập Hội đồng và không sau hôm nay.")
        ]),
        "council_meetings_council_of_movement": DomainError(.conflict, "Hội đồng này không phải Hội đồng của đơn vị và kỳ của phong trào."),
        "council_ballots_present": .validation([.rule(field: "issued", message: "Số phiếu phát ra không quá số thành viên dự họp.")]),
        "team_reviews_team_of_movement": .validation([
            .rule(field: "unitId", message: "Bình xét là của một tổ thuộc đơn vị tổ chức phong trào.")
        ]),
        "team_reviews_date": .validation([
            .rule(field: "heldOn", message: "Ngày họp tổ phải trong thời gian của phong trào và không sau hôm nay.")
        ]),
        "team_reviews_once": DomainError(.conflict, "Bình xét của tổ trong phong trào này đã được ghi; biên bản không ghi lại lần hai."),
        "team_review_votes_title_kind": .validation([
            .rule(field: "votes", message: "Danh hiệu bình xét ở tổ là danh hiệu cá nhân (LĐTT, CSTĐ cơ sở).")
        ]),
        "team_review_votes_title_fkey": .validation([.rule(field: "votes", message: "Không có danh hiệu này trong danh mục.")]),
        "account_scopes_unit_fkey": .validation([.rule(field: "unit", message: "Không tìm thấy đơn vị.")]),
        "model_initiatives_within_movement": .validation([
            .init(field: "startsOn", message: "Thời gian thực hiện phải nằm trong kỳ của phong trào.")
        ]),
        "nominations_person_fkey": .validation([.rule(field: "nominee", message: "Không tìm thấy cá nhân được đề nghị.")]),
        "nominations_unit_fkey": .validation([.rule(field: "nominee", message: "Không tìm thấy tập thể được đề nghị.")]),
        "nominations_movement_fkey": .validation([.rule(field: "movementId", message: "Không tìm thấy phong trào.")]),
        "nomination_models_model_fkey": .validation([.rule(field: "modelIds", message: "Có mô hình không tồn tại.")]),
        "recusals_account_fkey": .validation([.rule(field: "accountId", message: "Không tìm thấy tài khoản.")]),
        "reviews_conflict_of_interest": DomainError(
            .forbidden, "Thành viên hội đồng không chấm đề nghị của chính mình, của tập thể mình, hoặc đề nghị mình đã xin rút khỏi."),
        "reviews_final_once_seen": DomainError(
            .conflict, "Đánh giá của bạn đã chốt: bạn đã xem đánh giá của các thành viên khác nên không sửa được nữa."),
        "reviews_open_nomination": DomainError(.invalidTransition, "Đề nghị không còn ở giai đoạn chấm."),
        "review_scores_within_maximum": .validation([.init(field: "scores", message: "Điểm vượt mức tối đa của tiêu chí.")]),
        "commendations_nomination_key": DomainError(.conflict, "Đề nghị này đã được khen thưởng; một thành tích chỉ được khen một lần."),
        "commendations_require_approval": DomainError(.invalidTransition, "Chỉ đề nghị đã được duyệt mới thành khen thưởng."),
        "commendation_revocations_pkey": DomainError(.conflict, "Khen thưởng này đã bị thu hồi trước đó."),
        "base_salaries_pkey": DomainError(
            .conflict, "Đã có mức lương cơ sở áp dụng từ ngày này; mức đã ghi không được sửa.",
            violations: [.init(field: "effectiveFrom", message: "Đã có mức áp dụng từ ngày này.")]),
        "base_salaries_amount_limit": .validation([
            .init(field: "amount", message: "Mức lương cơ sở không quá 1.000.000.000 đồng.")
        ]),
        "commendations_reward_amount_limit": .validation([
            .init(field: "rewardAmount", message: "Số tiền thưởng vượt quá giới hạn; hãy kiểm tra danh mục và lương cơ sở.")
        ]),
        "award_rules_authority_fkey": .validation([.rule(field: "authorityLevel", message: "Không có cấp thẩm quyền này.")]),
        "award_rules_vote_check": .validation([
            .init(
                field: "voteThreshold",
                message: "Tỉ lệ biểu quyết phải có tử số dương, mẫu số không nhỏ hơn tử số, cơ sở members hoặc present.")
        ]),
        "units_authority_level_fkey": .validation([.rule(field: "authorityLevel", message: "Không có cấp thẩm quyền này.")]),
        "unit_award_grants_award_fkey": .validation([.rule(field: "grants", message: "Không có khen thưởng mã này.")]),
        "units_title_period_kind_check": .validation([
            .init(field: "titlePeriodKind", message: "Kỳ xét danh hiệu là school_year (năm học) hoặc calendar_year (năm).")
        ]),
        "nominations_title_period_kind": .validation([
            .rule(field: "award", message: "Danh hiệu thi đua của đơn vị được xét theo một loại kỳ khác với kỳ của phong trào này.")
        ]),
        "nominations_title_regular": .validation([
            .rule(
                field: "kind",
                message: "Danh hiệu thi đua được xét cho thành tích cả năm: chỉ khen thưởng thường xuyên, không chuyên đề hay đột xuất.")
        ]),
        "nominations_length_of_service": .validation([
            .rule(
                field: "kind",
                message:
                    "Khen thưởng theo niên hạn (như Kỷ niệm chương) chỉ có loại niên hạn, và loại niên hạn chỉ dành cho những khen thưởng đó."
            )
        ]),
        "award_rules_fixed_amount_check": .validation([
            .init(field: "fixedAmount", message: "Mức tiền cố định là số đồng từ 0 đến 1.000.000.000, và khi đó hệ số là 0.")
        ]),
        "award_rules_fixed_for_non_state": .validation([
            .rule(field: "fixedAmount", message: "Khen thưởng của Công đoàn, của ngành có mức tiền cố định (0 nếu không có).")
        ]),
        "past_commendations_not_state": .validation([
            .rule(
                field: "award",
                message:
                    "Khen thưởng của Nhà nước được đề nghị và quyết định trong thidua, hoặc nhập từ hồ sơ cũ; ở đây chỉ ghi khen thưởng của Công đoàn, của ngành."
            )
        ]),
        "past_commendations_recipient": .validation([
            .rule(field: "award", message: "Khen thưởng này không dành cho đối tượng đã chọn (cá nhân hay tập thể).")
        ]),
        "past_commendations_length_of_service": .validation([
            .rule(
                field: "kind",
                message:
                    "Khen thưởng theo niên hạn (như Kỷ niệm chương) chỉ có loại niên hạn, và loại niên hạn chỉ dành cho những khen thưởng đó."
            )
        ]),
        "past_commendations_decision_date": .validation([
            .rule(field: "decisionDate", message: "Ngày quyết định không được sau hôm nay.")
        ]),
        "past_commendations_once": DomainError(
            .conflict, "Đã ghi khen thưởng này cho cá nhân, tập thể đó trong kỳ này.",
            violations: [.init(field: "award", message: "Đã ghi khen thưởng này cho cá nhân, tập thể đó trong kỳ này.")]),
        "past_commendations_recorded_immutable": DomainError(
            .immutableRecord, "Khen thưởng đã ghi từ quyết định không được sửa; bản nhập từ tệp không ghi đè lên nó."),
        "past_commendations_person_fkey": .validation([.rule(field: "personId", message: "Không tìm thấy cá nhân.")]),
        "past_commendations_unit_fkey": .validation([.rule(field: "unitId", message: "Không tìm thấy tập thể (đơn vị).")]),
        "initiatives_person_fkey": .validation([.rule(field: "personId", message: "Không tìm thấy tác giả (cá nhân).")]),
        "initiatives_once": DomainError(
            .conflict, "Tác giả đã đăng ký sáng kiến cùng tên trong kỳ này.",
            violations: [.init(field: "title", message: "Tác giả đã đăng ký sáng kiến cùng tên trong kỳ này.")]),
        "initiatives_applied": .validation([.rule(field: "appliedOn", message: "Ngày nộp đơn không được trước ngày đăng ký sáng kiến.")]),
        "initiatives_scored": .validation([.rule(field: "scoredOn", message: "Ngày hội đồng chấm không được trước ngày nộp đơn.")]),
        "initiative_recognitions_date": .validation([
            .rule(
                field: "decisionDate",
                message: "Ngày quyết định không được sau hôm nay, trước ngày hội đồng chấm, hay trước quyết định công nhận phạm vi hẹp hơn."
            )
        ]),
        "initiative_recognitions_order": DomainError(
            .conflict, "Phạm vi rộng hơn chỉ được ghi sau khi đã công nhận phạm vi ngay dưới nó (cơ sở, rồi huyện, rồi tỉnh)."),
        "initiative_recognitions_pkey": DomainError(.conflict, "Sáng kiến đã được công nhận ở phạm vi này."),
        "unit_caps_award_fkey": .validation([.rule(field: "award", message: "Không có khen thưởng mã này.")]),
        "unit_caps_base_award_fkey": .validation([.rule(field: "ofAward", message: "Không có khen thưởng mã này.")]),
        "unit_caps_percent_check": .validation([.init(field: "percent", message: "Tỉ lệ phải lớn hơn 0 và không quá 100.")]),
        "unit_caps_distinct_awards": .validation([.init(field: "ofAward", message: "Tỉ lệ phải tính trên một khen thưởng khác.")]),
        "evidence_kind_check": .validation([
            .init(field: "url", message: "Liên kết phải bắt đầu bằng http:// hoặc https://; ghi chú không được để trống.")
        ]),
    ]

    /// The refusal for a request the database could not take: nothing was done.
    public static let unavailable = DomainError(
        .databaseUnavailable,
        "Cơ sở dữ liệu đang tạm ngừng (đang khởi động lại hoặc mất kết nối); yêu cầu chưa được thực hiện, hãy thử lại sau ít giây.")

    /// Whether an error means "the database is not there right now" rather than "this request is wrong": the pool cannot
    /// connect (or has given up for a while), the connection dropped, or the server is shutting down or starting up.
    public static func isDatabaseUnavailable(_ error: any Error) -> Bool {
        if let refusal = error as? DomainError { return refusal == unavailable }
        // The pool's own error type is not exported by PostgresNIO; it only ever means "no connection to give".
        if String(reflecting: type(of: error)).hasSuffix("ConnectionPoolError") { return true }
        guard let error = error as? PSQLError else { return false }
        switch error.code {
        case .connectionError, .serverClosedConnection, .clientClosedConnection, .uncleanShutdown, .poolClosed: return true
        case .server:
            let state = error.serverInfo?[.sqlState] ?? ""
            return state.hasPrefix("08") || ["57P01", "57P02", "57P03"].contains(state)
        default: return false
        }
    }
}
