import Hummingbird
import ThiduaCore
import ThiduaStore

/// `/v1/units`: the unit tree, each unit's authority and caps (its policy), and a collective's lifetime record.
/// Everyone signed in reads the tree; admins add to it and change policies, with a reason.
struct UnitController {
    let units: UnitRepository
    let catalogue: CatalogueRepository
    let eligibility: EligibilityRepository
    let documentSettings: DocumentSettingsRepository
    let legalBases: UnitLegalBasesRepository

    func addRoutes(to group: RouterGroup<AuthenticatedContext>) {
        group.get("units", use: list)
        group.post("units", use: create)
        group.get("units/{id}", use: get)
        group.get("units/{id}/policy", use: getPolicy)
        group.put("units/{id}/policy", use: setPolicy)
        group.get("units/{id}/record", use: record)
        group.get("units/{id}/document-settings", use: getDocumentSettings)
        group.put("units/{id}/document-settings", use: setDocumentSettings)
        group.get("units/{id}/legal-bases", use: getLegalBases)
        group.put("units/{id}/legal-bases", use: setLegalBases)
    }

    @Sendable func list(_ request: Request, context: AuthenticatedContext) async throws -> ListResponse<UnitResponse> {
        try Policy.require(context.account, .readDirectory)
        let page = try await units.list(
            try request.pageRequest(), within: Policy.units(for: .readDirectory, context.account), logger: context.logger)
        return ListResponse(items: page.items.map(UnitResponse.init), nextCursor: page.nextCursor)
    }

    @Sendable func get(_ request: Request, context: AuthenticatedContext) async throws -> EditedResponse<UnitResponse> {
        try Policy.require(context.account, .readDirectory)
        let unit = try await units.find(try id(context), logger: context.logger)
        return EditedResponse(headers: [.eTag: etag(unit.version)], response: UnitResponse(unit))
    }

    @Sendable func create(_ request: Request, context: AuthenticatedContext) async throws -> EditedResponse<UnitResponse> {
        try Policy.require(context.account, .manageUnits)
        let body = try await request.decode(as: CreateRequest.self, context: context)
        let draft = try UnitDraft.validate(code: body.code, name: body.name, kind: body.kind).get()
        let parentId = try FieldParsing.optionalID(body.parentId, OrgUnit.self, field: "parentId")
        let unit = try await units.create(draft, parentId: parentId, by: context.actor, logger: context.logger)
        return EditedResponse(
            status: .created, headers: [.location: "/v1/units/\(unit.id)", .eTag: etag(unit.version)], response: UnitResponse(unit))
    }

    /// Who signs for the unit (its authority level) and its caps on awards.
    @Sendable func getPolicy(_ request: Request, context: AuthenticatedContext) async throws -> UnitPolicy {
        try await catalogue.policy(of: try id(context), logger: context.logger)
    }

    @Sendable func setPolicy(_ request: Request, context: AuthenticatedContext) async throws -> UnitPolicy {
        try Policy.require(context.account, .manageCatalogue)
        let unit = try id(context)
        let body = try await request.decode(as: PolicyRequest.self, context: context)
        let reason = try requiredReason(body.reason)
        var caps: [UnitPolicy.Cap] = []
        for (index, cap) in (body.caps ?? []).enumerated() {
            caps.append(
                try UnitPolicy.Cap.validate(
                    award: cap.award, ofAward: cap.ofAward, percent: cap.percent, enabled: cap.enabled, field: "caps[\(index)]"))
        }
        var changes: [UnitPolicy.GrantChange] = []
        for (index, grant) in (body.grants ?? []).enumerated() {
            guard let award = grant.award.map(VietnameseText.normalized), !award.isEmpty else {
                throw DomainError.validation([.init(field: "grants[\(index)].award", message: "Cần mã khen thưởng, ví dụ TTLDTT.")])
            }
            changes.append(UnitPolicy.GrantChange(award: award.uppercased(), grants: grant.grants))
        }
        return try await catalogue.setPolicy(
            unit, authorityLevel: body.authorityLevel, caps: caps, grantChanges: changes,
            titlePeriod: try UnitPolicy.TitlePeriodChange.parse(body.titlePeriodKind), reason: reason, by: context.actor,
            logger: context.logger)
    }

    /// The văn thư's settings for the unit's documents (derived ones, `saved: false`, until set), with their version.
    @Sendable func getDocumentSettings(_ request: Request, context: AuthenticatedContext) async throws
        -> EditedResponse<DocumentSettings>
    {
        try Policy.require(context.account, .readDirectory)
        let (settings, version) = try await documentSettings.settings(of: try id(context), logger: context.logger)
        return EditedResponse(headers: [.eTag: etag(version)], response: settings)
    }

    @Sendable func setDocumentSettings(_ request: Request, context: AuthenticatedContext) async throws
        -> EditedResponse<DocumentSettings>
    {
        try Policy.require(context.account, .manageDocuments)
        let unit = try id(context)
        let body = try await request.decode(as: DocumentSettingsRequest.self, context: context)
        let expected = try request.expectedVersion()
        let (current, _) = try await documentSettings.settings(of: unit, logger: context.logger)
        let wanted = try DocumentSettings.validate(
            managingAgency: body.managingAgency ?? current.managingAgency, place: body.place ?? current.place,
            signerPosition: body.signerPosition ?? current.signerPosition, recipients: body.recipients ?? current.recipients,
            fund: body.fund ?? current.fund, wordsStyle: body.wordsStyle ?? current.wordsStyle.rawValue)
        let (saved, version) = try await documentSettings.save(
            wanted, for: unit, expectedVersion: expected, by: context.actor, logger: context.logger)
        return EditedResponse(headers: [.eTag: etag(version)], response: saved)
    }

    /// The documents the unit cites in every decision before the movements' plans, in the order they are cited.
    @Sendable func getLegalBases(_ request: Request, context: AuthenticatedContext) async throws -> ListResponse<DocumentResponse> {
        try Policy.require(context.account, .readDirectory)
        let bases = try await legalBases.bases(of: try id(context), logger: context.logger)
        return ListResponse(items: bases.map(DocumentResponse.init), nextCursor: nil)
    }

    /// `{"documentIds": [...]}` replaces them (admin, headmaster); an unknown document is 422 on `documentIds`.
    @Sendable func setLegalBases(_ request: Request, context: AuthenticatedContext) async throws -> ListResponse<DocumentResponse> {
        try Policy.require(context.account, .manageDocuments)
        let body = try await request.decode(as: LegalBasesRequest.self, context: context)
        let ids = try FieldParsing.ids(body.documentIds ?? [], LegalDocument.self, field: "documentIds")
        let bases = try await legalBases.replace(ids, of: try id(context), by: context.actor, logger: context.logger)
        return ListResponse(items: bases.map(DocumentResponse.init), nextCursor: nil)
    }

    /// A collective's lifetime record: its ratings, titles and commendations, for the roles that read the registry.
    @Sendable func record(_ request: Request, context: AuthenticatedContext) async throws -> LifetimeRecord {
        try Policy.require(context.account, .readRecords)
        return try await eligibility.record(of: .unit(try id(context)), logger: context.logger)
    }

    private func id(_ context: AuthenticatedContext) throws -> ID<OrgUnit> {
        try context.parameters.id("id", of: OrgUnit.self, what: OrgUnit.noun)
    }
}
