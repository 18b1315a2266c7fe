/// A partial change to a person (PATCH): absent fields keep their value.
///
/// Changing `fullName` alone re-splits it by default; giving the parts alone corrects the split of the current name.
public struct PersonPatch: Equatable, Sendable {
    public var fullName: String?
    public var familyName: String?
    public var middleName: String?
    public var givenName: String?
    public var position: String?
    public var category: String?
    public var code: String?

    public init(
        fullName: String? = nil, familyName: String? = nil, middleName: String? = nil, givenName: String? = nil,
        position: String? = nil, category: String? = nil, code: String? = nil
    ) {
        self.fullName = fullName
        self.familyName = familyName
        self.middleName = middleName
        self.givenName = givenName
        self.position = position
        self.category = category
        self.code = code
    }

    /// The person's content after the change, validated as a whole.
    public func applied(to person: Person) -> Result<PersonDraft, DomainError> {
        let partsGiven = familyName != nil || middleName != nil || givenName != nil
        return PersonDraft.validate(
            fullName: fullName ?? person.name.full,
            familyName: partsGiven ? familyName ?? person.name.family : nil,
            middleName: partsGiven ? middleName ?? (fullName == nil ? person.name.middle : "") : nil,
            givenName: partsGiven ? givenName ?? person.name.given : nil,
            position: position ?? person.position,
            category: category ?? person.category.rawValue,
            code: code ?? person.code)
    }
}
