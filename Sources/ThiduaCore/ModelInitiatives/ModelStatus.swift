/// A model initiative's life: registered → in_progress → submitted → recognized | not_recognized; withdrawn before an outcome.
public enum ModelStatus: String, WorkflowStatus {
    case registered
    case inProgress = "in_progress"
    case submitted
    case recognized
    case notRecognized = "not_recognized"
    case withdrawn

    public static let entity = "model_initiatives"
    public static let moves: [ModelStatus: Set<ModelStatus>] = [
        .registered: [.inProgress, .withdrawn],
        .inProgress: [.submitted, .withdrawn],
        .submitted: [.recognized, .notRecognized, .withdrawn],
    ]

    public var vietnameseName: String {
        switch self {
        case .registered: "đã đăng ký"
        case .inProgress: "đang thực hiện"
        case .submitted: "đã đề nghị công nhận"
        case .recognized: "được công nhận"
        case .notRecognized: "không được công nhận"
        case .withdrawn: "đã rút"
        }
    }
}
