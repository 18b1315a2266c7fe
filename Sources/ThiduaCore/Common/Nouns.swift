// Each entity's name in Vietnamese, written once: messages such as "Không tìm thấy đề nghị." read it.

extension Nomination { public static let noun = "đề nghị" }
extension ModelInitiative { public static let noun = "mô hình" }
extension Movement { public static let noun = "phong trào" }
extension Commendation { public static let noun = "khen thưởng" }
extension Person { public static let noun = "cá nhân" }
extension OrgUnit { public static let noun = "đơn vị" }
extension LegalDocument { public static let noun = "văn bản" }
/// Evidence has no Core type of its own (it lives in the Store); its noun is here with the others.
public enum Evidence { public static let noun = "minh chứng" }
