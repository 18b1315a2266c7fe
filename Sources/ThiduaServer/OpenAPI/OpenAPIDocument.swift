/// The OpenAPI 3.1 document of the service, written by hand and checked against the registered routes by a test.
public enum OpenAPIDocument {
    public static let yaml = #"""
        openapi: 3.1.0
        info:
          title: thidua — sổ thi đua – khen thưởng
          version: "1.0"
          description: |
            The emulation-movement and commendation registry. Every /v1 route needs `Authorization: Bearer <token>`
            (tokens come from `thidua user add`). JSON is camelCase, ids are lowercase UUIDs, dates are YYYY-MM-DD,
            text is stored NFC-normalised and trimmed. Lists are `{"items": [...], "nextCursor": "…"|null}` with
            keyset pagination. Versioned resources carry an ETag; PATCH and workflow steps honour If-Match (412 when stale).
            POST honours Idempotency-Key: a retry answers the first result. Errors are RFC 9457 problem+json.
        servers:
          - url: http://127.0.0.1:8080
        security:
          - bearer: []
        tags:
          - name: service
          - name: directory
          - name: movements
          - name: models
          - name: evidence
          - name: nominations
          - name: commendations
          - name: law
            description: The award catalogue by period, base salaries, reward money, authority, eligibility and records
        paths:
          /health:
            get:
              tags: [service]
              summary: Database state (no sign-in)
              security: []
              responses:
                "200": {description: Up and migrated, content: {application/json: {schema: {$ref: "#/components/schemas/Health"}}}}
                "503": {description: Database down or migrations pending, content: {application/json: {schema: {$ref: "#/components/schemas/Health"}}}}
          /openapi.yaml:
            get:
              tags: [service]
              summary: This document (no sign-in)
              security: []
              responses:
                "200": {description: OpenAPI 3.1 YAML, content: {application/yaml: {schema: {type: string}}}}
          /v1/me:
            get:
              tags: [directory]
              summary: The signed-in account and its roles
              responses:
                "200": {description: Account, content: {application/json: {schema: {$ref: "#/components/schemas/Account"}}}}
                "401": {$ref: "#/components/responses/Unauthenticated"}
          /v1/units:
            get:
              tags: [directory]
              summary: Units in name order
              parameters: [{$ref: "#/components/parameters/limit"}, {$ref: "#/components/parameters/cursor"}]
              responses:
                "200": {description: A page of units, content: {application/json: {schema: {$ref: "#/components/schemas/UnitList"}}}}
                "401": {$ref: "#/components/responses/Unauthenticated"}
                "422": {$ref: "#/components/responses/Invalid"}
            post:
              tags: [directory]
              summary: Create a unit (admin)
              parameters: [{$ref: "#/components/parameters/idempotencyKey"}]
              requestBody: {required: true, content: {application/json: {schema: {$ref: "#/components/schemas/UnitCreate"}}}}
              responses:
                "201": {$ref: "#/components/responses/UnitCreated"}
                "400": {$ref: "#/components/responses/BadRequest"}
                "401": {$ref: "#/components/responses/Unauthenticated"}
                "403": {$ref: "#/components/responses/Forbidden"}
                "409": {$ref: "#/components/responses/Conflict"}
                "422": {$ref: "#/components/responses/Invalid"}
          /v1/units/{id}:
            get:
              tags: [directory]
              summary: One unit
              parameters: [{$ref: "#/components/parameters/id"}]
              responses:
                "200": {description: Unit, headers: {ETag: {$ref: "#/components/headers/ETag"}}, content: {application/json: {schema: {$ref: "#/components/schemas/Unit"}}}}
                "404": {$ref: "#/components/responses/NotFound"}
          /v1/people:
            get:
              tags: [directory]
              summary: Staff in Vietnamese name order (given, middle, family name)
              parameters:
                - {name: q, in: query, schema: {type: string}, description: "Each word must begin a word of the name; diacritics and case are ignored (han finds Ngọc Hân)."}
                - {name: unitId, in: query, schema: {type: string, format: uuid}}
                - {$ref: "#/components/parameters/limit"}
                - {$ref: "#/components/parameters/cursor"}
              responses:
                "200": {description: A page of people, content: {application/json: {schema: {$ref: "#/components/schemas/PersonList"}}}}
                "401": {$ref: "#/components/responses/Unauthenticated"}
                "422": {$ref: "#/components/responses/Invalid"}
            post:
              tags: [directory]
              summary: Create a person (admin)
              parameters: [{$ref: "#/components/parameters/idempotencyKey"}]
              requestBody: {required: true, content: {application/json: {schema: {$ref: "#/components/schemas/PersonWrite"}}}}
              responses:
                "201": {description: Created, headers: {Location: {$ref: "#/components/headers/Location"}, ETag: {$ref: "#/components/headers/ETag"}}, content: {application/json: {schema: {$ref: "#/components/schemas/Person"}}}}
                "403": {$ref: "#/components/responses/Forbidden"}
                "409": {$ref: "#/components/responses/Conflict"}
                "422": {$ref: "#/components/responses/Invalid"}
          /v1/people/{id}:
            get:
              tags: [directory]
              summary: One person
              parameters: [{$ref: "#/components/parameters/id"}]
              responses:
                "200": {description: Person, headers: {ETag: {$ref: "#/components/headers/ETag"}}, content: {application/json: {schema: {$ref: "#/components/schemas/Person"}}}}
                "404": {$ref: "#/components/responses/NotFound"}
            patch:
              tags: [directory]
              summary: Change a person (admin); parts alone correct the split of the name
              parameters: [{$ref: "#/components/parameters/id"}, {$ref: "#/components/parameters/ifMatch"}]
              requestBody: {required: true, content: {application/json: {schema: {$ref: "#/components/schemas/PersonWrite"}}}}
              responses:
                "200": {description: Changed, headers: {ETag: {$ref: "#/components/headers/ETag"}}, content: {application/json: {schema: {$ref: "#/components/schemas/Person"}}}}
                "403": {$ref: "#/components/responses/Forbidden"}
                "404": {$ref: "#/components/responses/NotFound"}
                "412": {$ref: "#/components/responses/Stale"}
                "422": {$ref: "#/components/responses/Invalid"}
          /v1/documents:
            get:
              tags: [movements]
              summary: Legal documents (văn bản căn cứ)
              parameters: [{$ref: "#/components/parameters/limit"}, {$ref: "#/components/parameters/cursor"}]
              responses:
                "200": {description: A page of documents, content: {application/json: {schema: {$ref: "#/components/schemas/DocumentList"}}}}
            post:
              tags: [movements]
              summary: Record a legal document (admin, headmaster); unique per number and issuer
              parameters: [{$ref: "#/components/parameters/idempotencyKey"}]
              requestBody: {required: true, content: {application/json: {schema: {$ref: "#/components/schemas/DocumentWrite"}}}}
              responses:
                "201": {description: Created, headers: {Location: {$ref: "#/components/headers/Location"}}, content: {application/json: {schema: {$ref: "#/components/schemas/Document"}}}}
                "403": {$ref: "#/components/responses/Forbidden"}
                "409": {$ref: "#/components/responses/Conflict"}
                "422": {$ref: "#/components/responses/Invalid"}
          /v1/movements:
            get:
              tags: [movements]
              summary: Movements
              parameters: [{name: status, in: query, schema: {$ref: "#/components/schemas/MovementStatus"}}, {$ref: "#/components/parameters/limit"}, {$ref: "#/components/parameters/cursor"}]
              responses:
                "200": {description: A page of movements, content: {application/json: {schema: {$ref: "#/components/schemas/MovementList"}}}}
            post:
              tags: [movements]
              summary: Launch a movement as a draft (headmaster, admin)
              parameters: [{$ref: "#/components/parameters/idempotencyKey"}]
              requestBody: {required: true, content: {application/json: {schema: {$ref: "#/components/schemas/MovementWrite"}}}}
              responses:
                "201": {description: Created, headers: {Location: {$ref: "#/components/headers/Location"}}, content: {application/json: {schema: {$ref: "#/components/schemas/Movement"}}}}
                "403": {$ref: "#/components/responses/Forbidden"}
                "422": {$ref: "#/components/responses/Invalid"}
          /v1/movements/{id}:
            get:
              tags: [movements]
              summary: One movement with legal bases and criteria
              parameters: [{$ref: "#/components/parameters/id"}]
              responses:
                "200": {description: Movement, headers: {ETag: {$ref: "#/components/headers/ETag"}}, content: {application/json: {schema: {$ref: "#/components/schemas/Movement"}}}}
                "404": {$ref: "#/components/responses/NotFound"}
            patch:
              tags: [movements]
              summary: Rename or move deadlines (headmaster, admin)
              parameters: [{$ref: "#/components/parameters/id"}, {$ref: "#/components/parameters/ifMatch"}]
              requestBody: {required: true, content: {application/json: {schema: {type: object, properties: {name: {type: string}, registrationDeadline: {type: string, format: date}, nominationDeadline: {type: string, format: date}}}}}}
              responses:
                "200": {description: Changed, content: {application/json: {schema: {$ref: "#/components/schemas/Movement"}}}}
                "403": {$ref: "#/components/responses/Forbidden"}
                "412": {$ref: "#/components/responses/Stale"}
                "422": {$ref: "#/components/responses/Invalid"}
          /v1/movements/{id}/open: {$ref: "#/components/pathItems/MovementStep"}
          /v1/movements/{id}/close: {$ref: "#/components/pathItems/MovementStep"}
          /v1/movements/{id}/archive: {$ref: "#/components/pathItems/MovementStep"}
          /v1/movements/{id}/models:
            get:
              tags: [models]
              summary: The movement's model initiatives (staff see their own)
              parameters: [{$ref: "#/components/parameters/id"}, {name: status, in: query, schema: {$ref: "#/components/schemas/ModelStatus"}}, {$ref: "#/components/parameters/limit"}, {$ref: "#/components/parameters/cursor"}]
              responses:
                "200": {description: A page of models, content: {application/json: {schema: {$ref: "#/components/schemas/ModelList"}}}}
            post:
              tags: [models]
              summary: Register a model (union, admin) while the movement is open and before its registration deadline
              parameters: [{$ref: "#/components/parameters/id"}, {$ref: "#/components/parameters/idempotencyKey"}]
              requestBody: {required: true, content: {application/json: {schema: {$ref: "#/components/schemas/ModelWrite"}}}}
              responses:
                "201": {description: Registered, headers: {Location: {$ref: "#/components/headers/Location"}}, content: {application/json: {schema: {$ref: "#/components/schemas/Model"}}}}
                "403": {$ref: "#/components/responses/Forbidden"}
                "404": {$ref: "#/components/responses/NotFound"}
                "409": {$ref: "#/components/responses/Conflict"}
                "422": {$ref: "#/components/responses/Invalid"}
          /v1/models/{id}:
            get:
              tags: [models]
              summary: One model initiative
              parameters: [{$ref: "#/components/parameters/id"}]
              responses:
                "200": {description: Model, headers: {ETag: {$ref: "#/components/headers/ETag"}}, content: {application/json: {schema: {$ref: "#/components/schemas/Model"}}}}
                "404": {$ref: "#/components/responses/NotFound"}
            patch:
              tags: [models]
              summary: Change title, field or goals before an outcome (union, admin)
              parameters: [{$ref: "#/components/parameters/id"}, {$ref: "#/components/parameters/ifMatch"}]
              requestBody: {required: true, content: {application/json: {schema: {type: object, properties: {title: {type: string}, field: {type: string}, goals: {type: string}}}}}}
              responses:
                "200": {description: Changed, content: {application/json: {schema: {$ref: "#/components/schemas/Model"}}}}
                "409": {$ref: "#/components/responses/Conflict"}
                "412": {$ref: "#/components/responses/Stale"}
          /v1/models/{id}/transitions:
            post:
              tags: [models]
              summary: Move a model to a status; recognized/not_recognized by the headmaster only
              parameters: [{$ref: "#/components/parameters/id"}, {$ref: "#/components/parameters/ifMatch"}]
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      required: [status]
                      properties:
                        status: {$ref: "#/components/schemas/ModelStatus"}
                        recognition: {type: object, properties: {level: {enum: [school, district, province]}, decisionNumber: {type: string}, decisionDate: {type: string, format: date}}}
              responses:
                "200": {description: Moved, content: {application/json: {schema: {$ref: "#/components/schemas/Model"}}}}
                "403": {$ref: "#/components/responses/Forbidden"}
                "409": {$ref: "#/components/responses/Transition"}
                "412": {$ref: "#/components/responses/Stale"}
                "422": {$ref: "#/components/responses/Invalid"}
          /v1/models/{id}/evidence: {$ref: "#/components/pathItems/EvidenceCollection"}
          /v1/nominations/{id}/evidence: {$ref: "#/components/pathItems/EvidenceCollection"}
          /v1/evidence/{id}:
            get:
              tags: [evidence]
              summary: Evidence metadata with SHA-256
              parameters: [{$ref: "#/components/parameters/id"}]
              responses:
                "200": {description: Evidence, content: {application/json: {schema: {$ref: "#/components/schemas/Evidence"}}}}
                "404": {$ref: "#/components/responses/NotFound"}
          /v1/evidence/{id}/content:
            get:
              tags: [evidence]
              summary: The file, byte-identical, with its content type and name
              parameters: [{$ref: "#/components/parameters/id"}]
              responses:
                "200": {description: The file, headers: {Content-Disposition: {schema: {type: string}, description: "attachment; filename*=UTF-8''…"}}, content: {"*/*": {schema: {type: string, format: binary}}}}
                "404": {$ref: "#/components/responses/NotFound"}
          /v1/evidence/{id}/retract:
            post:
              tags: [evidence]
              summary: Retract evidence with a reason (kept, marked, audited)
              parameters: [{$ref: "#/components/parameters/id"}]
              requestBody: {$ref: "#/components/requestBodies/Reason"}
              responses:
                "200": {description: Retracted, content: {application/json: {schema: {$ref: "#/components/schemas/Evidence"}}}}
                "409": {$ref: "#/components/responses/Conflict"}
                "422": {$ref: "#/components/responses/Invalid"}
          /v1/nominations:
            get:
              tags: [nominations]
              summary: Nominations (staff see their own)
              parameters: [{name: status, in: query, schema: {$ref: "#/components/schemas/NominationStatus"}}, {name: movementId, in: query, schema: {type: string, format: uuid}}, {$ref: "#/components/parameters/limit"}, {$ref: "#/components/parameters/cursor"}]
              responses:
                "200": {description: A page of nominations, content: {application/json: {schema: {$ref: "#/components/schemas/NominationList"}}}}
            post:
              tags: [nominations]
              summary: Draft a nomination (union, admin)
              parameters: [{$ref: "#/components/parameters/idempotencyKey"}]
              requestBody: {required: true, content: {application/json: {schema: {$ref: "#/components/schemas/NominationWrite"}}}}
              responses:
                "201": {description: Created, headers: {Location: {$ref: "#/components/headers/Location"}}, content: {application/json: {schema: {$ref: "#/components/schemas/Nomination"}}}}
                "403": {$ref: "#/components/responses/Forbidden"}
                "409": {$ref: "#/components/responses/Conflict"}
                "422": {$ref: "#/components/responses/Invalid"}
          /v1/nominations/{id}:
            get:
              tags: [nominations]
              summary: One nomination
              parameters: [{$ref: "#/components/parameters/id"}]
              responses:
                "200": {description: Nomination, headers: {ETag: {$ref: "#/components/headers/ETag"}}, content: {application/json: {schema: {$ref: "#/components/schemas/Nomination"}}}}
                "404": {$ref: "#/components/responses/NotFound"}
            patch:
              tags: [nominations]
              summary: Complete a draft or returned nomination (union, admin)
              parameters: [{$ref: "#/components/parameters/id"}, {$ref: "#/components/parameters/ifMatch"}]
              requestBody: {required: true, content: {application/json: {schema: {type: object, properties: {award: {type: string}, achievements: {type: string}, modelIds: {type: array, items: {type: string, format: uuid}}}}}}}
              responses:
                "200": {description: Changed, content: {application/json: {schema: {$ref: "#/components/schemas/Nomination"}}}}
                "409": {$ref: "#/components/responses/Transition"}
                "412": {$ref: "#/components/responses/Stale"}
                "422": {$ref: "#/components/responses/Invalid"}
          /v1/nominations/{id}/submit: {$ref: "#/components/pathItems/NominationStep"}
          /v1/nominations/{id}/withdraw: {$ref: "#/components/pathItems/NominationStep"}
          /v1/nominations/{id}/return: {$ref: "#/components/pathItems/NominationStepWithReason"}
          /v1/nominations/{id}/decline: {$ref: "#/components/pathItems/NominationStepWithReason"}
          /v1/nominations/{id}/reviews: {$ref: "#/components/pathItems/Reviews"}
          /v1/models/{id}/reviews: {$ref: "#/components/pathItems/Reviews"}
          /v1/nominations/{id}/recusals:
            post:
              tags: [nominations]
              summary: Record that a council member stands aside (admin)
              parameters: [{$ref: "#/components/parameters/id"}]
              requestBody: {required: true, content: {application/json: {schema: {type: object, required: [accountId, reason], properties: {accountId: {type: string, format: uuid}, reason: {type: string}}}}}}
              responses:
                "204": {description: Recorded}
                "403": {$ref: "#/components/responses/Forbidden"}
                "422": {$ref: "#/components/responses/Invalid"}
          /v1/nominations/{id}/recommendation:
            post:
              tags: [nominations]
              summary: The council's recommendation, with the vote tally at that moment (headmaster, who chairs the council)
              parameters: [{$ref: "#/components/parameters/id"}, {$ref: "#/components/parameters/ifMatch"}]
              requestBody: {required: true, content: {application/json: {schema: {type: object, required: [recommended], properties: {recommended: {type: boolean}}}}}}
              responses:
                "200": {description: Recorded, content: {application/json: {schema: {$ref: "#/components/schemas/Nomination"}}}}
                "403": {$ref: "#/components/responses/Forbidden"}
                "409": {$ref: "#/components/responses/Transition"}
          /v1/nominations/{id}/approve:
            post:
              tags: [nominations]
              summary: "Approve a recommended nomination (headmaster). Within the unit's authority, with the decision's number and date: creates the commendation with its reward money. Above it, with the submission's (tờ trình) number and date: forwards it (status forwarded)."
              parameters: [{$ref: "#/components/parameters/id"}, {$ref: "#/components/parameters/ifMatch"}, {$ref: "#/components/parameters/idempotencyKey"}]
              requestBody: {required: true, content: {application/json: {schema: {$ref: "#/components/schemas/Approval"}}}}
              responses:
                "201": {description: Commendation issued, headers: {Location: {$ref: "#/components/headers/Location"}}, content: {application/json: {schema: {$ref: "#/components/schemas/Commendation"}}}}
                "202": {description: Forwarded to the higher authority with the submission, content: {application/json: {schema: {$ref: "#/components/schemas/Nomination"}}}}
                "403": {$ref: "#/components/responses/Forbidden"}
                "409": {$ref: "#/components/responses/Transition"}
                "422": {$ref: "#/components/responses/Invalid"}
          /v1/nominations/{id}/external-decision:
            post:
              tags: [nominations]
              summary: Record the higher authority's decision on a forwarded nomination (headmaster); issues the commendation with the money in force on its date
              parameters: [{$ref: "#/components/parameters/id"}, {$ref: "#/components/parameters/idempotencyKey"}]
              requestBody: {required: true, content: {application/json: {schema: {type: object, required: [issuer, decisionNumber, decisionDate], properties: {issuer: {type: string, example: UBND tỉnh Đồng Tháp}, decisionNumber: {type: string}, decisionDate: {type: string, format: date}}}}}}
              responses:
                "201": {description: Commendation issued, headers: {Location: {$ref: "#/components/headers/Location"}}, content: {application/json: {schema: {$ref: "#/components/schemas/Commendation"}}}}
                "403": {$ref: "#/components/responses/Forbidden"}
                "409": {$ref: "#/components/responses/Transition"}
                "422": {$ref: "#/components/responses/Invalid"}
          /v1/nominations/{id}/eligibility:
            get:
              tags: [law]
              summary: Each rule of the proposed award (in force today) with passed / failed / unknown and the facts it read, in Vietnamese and English
              parameters: [{$ref: "#/components/parameters/id"}]
              responses:
                "200": {description: The evaluation, content: {application/json: {schema: {$ref: "#/components/schemas/Eligibility"}}}}
                "404": {$ref: "#/components/responses/NotFound"}
          /v1/nominations/{id}/eligibility-overrides:
            post:
              tags: [law]
              summary: Let the nomination pass a failed rule, with a written reason (headmaster); audited and printed on the decision
              parameters: [{$ref: "#/components/parameters/id"}, {$ref: "#/components/parameters/idempotencyKey"}]
              requestBody: {required: true, content: {application/json: {schema: {type: object, required: [rule, reason], properties: {rule: {type: string, example: months_worked}, reason: {type: string}}}}}}
              responses:
                "201": {description: The evaluation with the override, content: {application/json: {schema: {$ref: "#/components/schemas/Eligibility"}}}}
                "403": {$ref: "#/components/responses/Forbidden"}
                "409": {$ref: "#/components/responses/Conflict"}
                "422": {$ref: "#/components/responses/Invalid"}
          /v1/awards:
            get:
              tags: [law]
              summary: The award catalogue with its rules by effective period (coefficient, collective factor, authority level, vote threshold, eligibility rules, citation, verified)
              responses:
                "200": {description: Awards by precedence, content: {application/json: {schema: {type: object, properties: {items: {type: array, items: {$ref: "#/components/schemas/Award"}}, nextCursor: {type: "null"}}}}}}
          /v1/awards/{code}:
            get:
              tags: [law]
              summary: One award of the catalogue
              parameters: [{$ref: "#/components/parameters/code"}]
              responses:
                "200": {description: The award, content: {application/json: {schema: {$ref: "#/components/schemas/Award"}}}}
                "404": {$ref: "#/components/responses/NotFound"}
          /v1/awards/{code}/rules:
            post:
              tags: [law]
              summary: Set the award's rules from a date, with a reason (admin); fields not given are copied from the rule in force before. Issued commendations keep their values.
              parameters: [{$ref: "#/components/parameters/code"}, {$ref: "#/components/parameters/idempotencyKey"}]
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      required: [effectiveFrom, reason]
                      properties:
                        effectiveFrom: {type: string, format: date}
                        coefficient: {type: string, example: "0.3"}
                        collectiveFactor: {enum: [1, 2]}
                        authorityLevel: {type: string, example: unit}
                        voteThreshold: {type: object, description: "{numerator: 0} removes the threshold", properties: {numerator: {type: integer}, denominator: {type: integer}, base: {enum: [members, present]}}}
                        eligibility: {type: array, items: {type: string}}
                        citation: {type: string}
                        verified: {type: boolean}
                        reason: {type: string}
              responses:
                "201": {description: The award with its rules, content: {application/json: {schema: {$ref: "#/components/schemas/Award"}}}}
                "403": {$ref: "#/components/responses/Forbidden"}
                "404": {$ref: "#/components/responses/NotFound"}
                "422": {$ref: "#/components/responses/Invalid"}
          /v1/awards/{code}/reward:
            get:
              tags: [law]
              summary: The reward money of the award on a decision date (coefficient × base salary in force, × 2 for a collective where the catalogue says so, rounded)
              parameters: [{$ref: "#/components/parameters/code"}, {name: date, in: query, required: true, schema: {type: string, format: date}}, {name: collective, in: query, schema: {type: boolean}}]
              responses:
                "200": {description: The amount, content: {application/json: {schema: {$ref: "#/components/schemas/RewardQuote"}}}}
                "404": {$ref: "#/components/responses/NotFound"}
                "422": {$ref: "#/components/responses/Invalid"}
          /v1/authority-levels:
            get:
              tags: [law]
              summary: The authority levels (reference data) and their ranks
              responses:
                "200": {description: Levels, content: {application/json: {schema: {type: object, properties: {items: {type: array, items: {type: object, properties: {code: {type: string}, name: {type: string}, rank: {type: integer}}}}, nextCursor: {type: "null"}}}}}}
          /v1/base-salaries:
            get:
              tags: [law]
              summary: The base-salary table (mức lương cơ sở) by effective date
              responses:
                "200": {description: Rows, content: {application/json: {schema: {type: object, properties: {items: {type: array, items: {$ref: "#/components/schemas/BaseSalary"}}, nextCursor: {type: "null"}}}}}}
            post:
              tags: [law]
              summary: Add a base salary from a date (admin); rows are never edited
              parameters: [{$ref: "#/components/parameters/idempotencyKey"}]
              requestBody: {required: true, content: {application/json: {schema: {type: object, required: [amount, effectiveFrom], properties: {amount: {type: integer, example: 2340000}, effectiveFrom: {type: string, format: date}, citation: {type: string}}}}}}
              responses:
                "201": {description: Added, content: {application/json: {schema: {$ref: "#/components/schemas/BaseSalary"}}}}
                "403": {$ref: "#/components/responses/Forbidden"}
                "409": {$ref: "#/components/responses/Conflict"}
                "422": {$ref: "#/components/responses/Invalid"}
          /v1/settings:
            get:
              tags: [law]
              summary: How reward money is rounded
              responses:
                "200": {description: Settings, content: {application/json: {schema: {$ref: "#/components/schemas/Settings"}}}}
            put:
              tags: [law]
              summary: Change the rounding of reward money, with a reason (admin)
              requestBody: {required: true, content: {application/json: {schema: {type: object, required: [rewardRounding, reason], properties: {rewardRounding: {enum: [up, nearest, none]}, reason: {type: string}}}}}}
              responses:
                "200": {description: Settings, content: {application/json: {schema: {$ref: "#/components/schemas/Settings"}}}}
                "403": {$ref: "#/components/responses/Forbidden"}
                "422": {$ref: "#/components/responses/Invalid"}
          /v1/units/{id}/policy:
            get:
              tags: [law]
              summary: The unit's authority level (set or by kind) and unit-wide caps
              parameters: [{$ref: "#/components/parameters/id"}]
              responses:
                "200": {description: Policy, content: {application/json: {schema: {$ref: "#/components/schemas/UnitPolicy"}}}}
                "404": {$ref: "#/components/responses/NotFound"}
            put:
              tags: [law]
              summary: Replace the unit's authority level and caps, with a reason (admin)
              parameters: [{$ref: "#/components/parameters/id"}]
              requestBody: {required: true, content: {application/json: {schema: {type: object, required: [reason], properties: {authorityLevel: {type: [string, "null"]}, caps: {type: array, items: {type: object, properties: {award: {type: string, example: CSTD_CS}, ofAward: {type: string, example: LDTT}, percent: {type: string, example: "15"}, enabled: {type: boolean}}}}, reason: {type: string}}}}}}
              responses:
                "200": {description: Policy, content: {application/json: {schema: {$ref: "#/components/schemas/UnitPolicy"}}}}
                "403": {$ref: "#/components/responses/Forbidden"}
                "404": {$ref: "#/components/responses/NotFound"}
                "422": {$ref: "#/components/responses/Invalid"}
          /v1/people/{id}/record:
            get:
              tags: [law]
              summary: A person's lifetime record year by year (rating, titles and commendations, recognized initiatives, disciplinary measures); staff read their own
              parameters: [{$ref: "#/components/parameters/id"}]
              responses:
                "200": {description: The record, content: {application/json: {schema: {$ref: "#/components/schemas/LifetimeRecord"}}}}
                "403": {$ref: "#/components/responses/Forbidden"}
                "404": {$ref: "#/components/responses/NotFound"}
          /v1/units/{id}/record:
            get:
              tags: [law]
              summary: A collective's record year by year (its rating, titles and commendations)
              parameters: [{$ref: "#/components/parameters/id"}]
              responses:
                "200": {description: The record, content: {application/json: {schema: {$ref: "#/components/schemas/LifetimeRecord"}}}}
                "403": {$ref: "#/components/responses/Forbidden"}
                "404": {$ref: "#/components/responses/NotFound"}
          /v1/decisions:
            post:
              tags: [nominations]
              summary: Approve several nominations under one decision, all or nothing; ?dryRun=true shows the outcome and changes nothing
              parameters: [{name: dryRun, in: query, schema: {type: boolean}}, {$ref: "#/components/parameters/idempotencyKey"}]
              requestBody: {required: true, content: {application/json: {schema: {type: object, required: [number, date, nominationIds], properties: {number: {type: string}, date: {type: string, format: date}, nominationIds: {type: array, items: {type: string, format: uuid}}}}}}}
              responses:
                "200": {description: Dry run, content: {application/json: {schema: {$ref: "#/components/schemas/DecisionOutcome"}}}}
                "201": {description: Signed, content: {application/json: {schema: {$ref: "#/components/schemas/DecisionOutcome"}}}}
                "403": {$ref: "#/components/responses/Forbidden"}
                "409": {$ref: "#/components/responses/Conflict"}
                "422": {$ref: "#/components/responses/Invalid"}
          /v1/decisions/{id}/document:
            get:
              tags: [commendations]
              summary: The commendation decision as printed (header, legal bases, articles, recipients, signer, attached list); the same bytes as `thidua report decision`
              parameters: [{$ref: "#/components/parameters/id"}, {name: format, in: query, schema: {enum: [html, md], default: html}}]
              responses:
                "200": {description: The document, content: {text/html: {schema: {type: string}}, text/markdown: {schema: {type: string}}}}
                "404": {$ref: "#/components/responses/NotFound"}
                "422": {$ref: "#/components/responses/Invalid"}
          /v1/commendations:
            get:
              tags: [commendations]
              summary: Commendations (staff see their own)
              parameters:
                - {name: year, in: query, schema: {type: integer}, description: Calendar year of the decision date}
                - {name: schoolYear, in: query, schema: {type: string, example: 2023-2024}, description: 1 September – 31 August}
                - {name: unitId, in: query, schema: {type: string, format: uuid}, description: The unit and the units below it}
                - {name: award, in: query, schema: {type: string}}
                - {name: movementId, in: query, schema: {type: string, format: uuid}}
                - {$ref: "#/components/parameters/limit"}
                - {$ref: "#/components/parameters/cursor"}
              responses:
                "200": {description: A page of commendations, content: {application/json: {schema: {$ref: "#/components/schemas/CommendationList"}}}}
                "422": {$ref: "#/components/responses/Invalid"}
          /v1/commendations/{id}:
            get:
              tags: [commendations]
              summary: One commendation (immutable)
              parameters: [{$ref: "#/components/parameters/id"}]
              responses:
                "200": {description: Commendation, content: {application/json: {schema: {$ref: "#/components/schemas/Commendation"}}}}
                "404": {$ref: "#/components/responses/NotFound"}
          /v1/commendations/{id}/revoke:
            post:
              tags: [commendations]
              summary: Record a revocation with reason and decision (headmaster); the commendation is kept and marked
              parameters: [{$ref: "#/components/parameters/id"}]
              requestBody: {required: true, content: {application/json: {schema: {type: object, required: [reason, decisionNumber], properties: {reason: {type: string}, decisionNumber: {type: string}}}}}}
              responses:
                "200": {description: Revoked, content: {application/json: {schema: {$ref: "#/components/schemas/Commendation"}}}}
                "403": {$ref: "#/components/responses/Forbidden"}
                "404": {$ref: "#/components/responses/NotFound"}
                "409": {$ref: "#/components/responses/Conflict"}
          /v1/reports/movements/{id}:
            get:
              tags: [models]
              summary: One movement's model initiatives with owners, evidence counts, review scores and outcomes; the same bytes as `thidua report movement`
              parameters: [{$ref: "#/components/parameters/id"}, {name: format, in: query, schema: {enum: [md, html, json, csv], default: json}}]
              responses:
                "200": {description: The report, content: {application/json: {schema: {type: object}}, text/markdown: {schema: {type: string}}, text/html: {schema: {type: string}}, text/csv: {schema: {type: string}}}}
                "403": {$ref: "#/components/responses/Forbidden"}
                "404": {$ref: "#/components/responses/NotFound"}
          /v1/reports/summary:
            get:
              tags: [commendations]
              summary: "The year's summary: per movement, models by field and level and nominations by status; commendations by award and by unit with reward money (HTML with SVG bar charts)"
              parameters: [{name: year, in: query, schema: {type: string}}, {name: schoolYear, in: query, schema: {type: string}}, {name: unit, in: query, schema: {type: string}, description: unit code}, {name: format, in: query, schema: {enum: [json, md, html, csv], default: json}}]
              responses:
                "200": {description: The summary, content: {application/json: {schema: {type: object}}, text/markdown: {schema: {type: string}}, text/html: {schema: {type: string}}, text/csv: {schema: {type: string}}}}
                "403": {$ref: "#/components/responses/Forbidden"}
                "404": {$ref: "#/components/responses/NotFound"}
                "422": {$ref: "#/components/responses/Invalid"}
          /v1/reports/honor-list:
            get:
              tags: [commendations]
              summary: The honor list (danh sách khen thưởng) of a year or school year; the same bytes as `thidua report honor-list`
              parameters:
                - {name: year, in: query, schema: {type: integer}, description: Exactly one of year or schoolYear}
                - {name: schoolYear, in: query, schema: {type: string, example: 2023-2024}}
                - {name: unit, in: query, schema: {type: string}, description: A unit code; the unit and the units below it}
                - {name: movementId, in: query, schema: {type: string, format: uuid}}
                - {name: includeRevoked, in: query, schema: {type: boolean}, description: List revoked commendations too, marked}
                - {name: format, in: query, schema: {enum: [csv, xlsx, md, json, html], default: json}}
              responses:
                "200":
                  description: "Individuals then collectives, grouped by award in order of precedence, numbered within each group, names in Vietnamese order, totals per group and overall. CSV is UTF-8 with BOM and CRLF."
                  content:
                    text/csv: {schema: {type: string}}
                    text/markdown: {schema: {type: string}}
                    application/json: {schema: {type: object}}
                    text/html: {schema: {type: string}}
                "404": {$ref: "#/components/responses/NotFound"}
                "422": {$ref: "#/components/responses/Invalid"}
          /v1/audit:
            get:
              tags: [commendations]
              summary: The history of one record (admin, headmaster)
              parameters: [{name: entity, in: query, required: true, schema: {enum: [unit, person, account, document, movement, model, evidence, nomination, commendation]}}, {name: id, in: query, required: true, schema: {type: string}}]
              responses:
                "200": {description: Entries oldest first, content: {application/json: {schema: {type: object, properties: {items: {type: array, items: {$ref: "#/components/schemas/AuditEntry"}}, nextCursor: {type: "null"}}}}}}
                "403": {$ref: "#/components/responses/Forbidden"}
                "422": {$ref: "#/components/responses/Invalid"}
        components:
          securitySchemes:
            bearer: {type: http, scheme: bearer}
          parameters:
            id: {name: id, in: path, required: true, schema: {type: string, format: uuid}}
            code: {name: code, in: path, required: true, schema: {type: string, example: LDTT}}
            limit: {name: limit, in: query, schema: {type: integer, minimum: 1, maximum: 200, default: 50}}
            cursor: {name: cursor, in: query, schema: {type: string}, description: nextCursor of the previous page}
            ifMatch: {name: If-Match, in: header, schema: {type: string}, description: 'The ETag last read, e.g. "3"'}
            idempotencyKey: {name: Idempotency-Key, in: header, schema: {type: string, maxLength: 200}}
          headers:
            ETag: {schema: {type: string}, description: 'The version, quoted: "3"'}
            Location: {schema: {type: string}}
          requestBodies:
            Reason: {required: true, content: {application/json: {schema: {type: object, required: [reason], properties: {reason: {type: string}}}}}}
          pathItems:
            MovementStep:
              post:
                tags: [movements]
                summary: open, close or archive (headmaster, admin)
                parameters: [{$ref: "#/components/parameters/id"}, {$ref: "#/components/parameters/ifMatch"}]
                responses:
                  "200": {description: Moved, content: {application/json: {schema: {$ref: "#/components/schemas/Movement"}}}}
                  "403": {$ref: "#/components/responses/Forbidden"}
                  "409": {$ref: "#/components/responses/Transition"}
                  "412": {$ref: "#/components/responses/Stale"}
            NominationStep:
              post:
                tags: [nominations]
                summary: submit or withdraw (union, admin)
                parameters: [{$ref: "#/components/parameters/id"}, {$ref: "#/components/parameters/ifMatch"}]
                responses:
                  "200": {description: Moved, content: {application/json: {schema: {$ref: "#/components/schemas/Nomination"}}}}
                  "403": {$ref: "#/components/responses/Forbidden"}
                  "409": {$ref: "#/components/responses/Transition"}
                  "412": {$ref: "#/components/responses/Stale"}
            NominationStepWithReason:
              post:
                tags: [nominations]
                summary: return for completion (council, headmaster) or decline (headmaster), with a reason
                parameters: [{$ref: "#/components/parameters/id"}, {$ref: "#/components/parameters/ifMatch"}]
                requestBody: {$ref: "#/components/requestBodies/Reason"}
                responses:
                  "200": {description: Moved, content: {application/json: {schema: {$ref: "#/components/schemas/Nomination"}}}}
                  "403": {$ref: "#/components/responses/Forbidden"}
                  "409": {$ref: "#/components/responses/Transition"}
                  "422": {$ref: "#/components/responses/Invalid"}
            Reviews:
              get:
                tags: [nominations]
                summary: (nomination or model) Totals, per-criterion averages, votes and progress (council, headmaster, admin); a member sees scores after submitting their own
                parameters: [{$ref: "#/components/parameters/id"}]
                responses:
                  "200": {description: Summary, content: {application/json: {schema: {$ref: "#/components/schemas/ReviewSummary"}}}}
                  "403": {$ref: "#/components/responses/Forbidden"}
              post:
                tags: [nominations]
                summary: Record or replace a council member's review of a submitted nomination or model (earlier versions kept)
                parameters: [{$ref: "#/components/parameters/id"}]
                requestBody:
                  required: true
                  content:
                    application/json:
                      schema:
                        type: object
                        required: [scores, vote]
                        properties:
                          scores: {type: object, additionalProperties: {type: integer, minimum: 0}, description: "Every criterion of the movement, 0..maxPoints"}
                          vote: {enum: [agree, disagree, abstain]}
                          comment: {type: string}
                responses:
                  "201": {description: Recorded, content: {application/json: {schema: {$ref: "#/components/schemas/ReviewSummary"}}}}
                  "403": {$ref: "#/components/responses/Forbidden"}
                  "409": {$ref: "#/components/responses/Transition"}
                  "422": {$ref: "#/components/responses/Invalid"}
            EvidenceCollection:
              get:
                tags: [evidence]
                summary: Evidence of a model or a nomination, retracted items included and marked
                parameters: [{$ref: "#/components/parameters/id"}]
                responses:
                  "200": {description: Items, content: {application/json: {schema: {type: object, properties: {items: {type: array, items: {$ref: "#/components/schemas/Evidence"}}, nextCursor: {type: "null"}}}}}}
              post:
                tags: [evidence]
                summary: Add a file (raw body with its Content-Type and Content-Disposition filename*=UTF-8''…, or a form's file part), or JSON {url} / {note}
                parameters: [{$ref: "#/components/parameters/id"}, {$ref: "#/components/parameters/idempotencyKey"}]
                requestBody:
                  required: true
                  content:
                    application/json: {schema: {type: object, properties: {url: {type: string, format: uri}, note: {type: string}}}}
                    multipart/form-data: {schema: {type: object, required: [file], properties: {file: {type: string, format: binary}}}}
                    "*/*": {schema: {type: string, format: binary}}
                responses:
                  "201": {description: Added, headers: {Location: {$ref: "#/components/headers/Location"}}, content: {application/json: {schema: {$ref: "#/components/schemas/Evidence"}}}}
                  "403": {$ref: "#/components/responses/Forbidden"}
                  "404": {$ref: "#/components/responses/NotFound"}
                  "413": {$ref: "#/components/responses/TooLarge"}
                  "422": {$ref: "#/components/responses/Invalid"}
          responses:
            BadRequest: {description: The body could not be read, content: {application/problem+json: {schema: {$ref: "#/components/schemas/Problem"}}}}
            Unauthenticated: {description: No, unknown or revoked token, headers: {WWW-Authenticate: {schema: {type: string}}}, content: {application/problem+json: {schema: {$ref: "#/components/schemas/Problem"}}}}
            Forbidden: {description: Signed in without the role, or a conflict of interest, content: {application/problem+json: {schema: {$ref: "#/components/schemas/Problem"}}}}
            NotFound: {description: No such record, content: {application/problem+json: {schema: {$ref: "#/components/schemas/Problem"}}}}
            Conflict: {description: Duplicate or not allowed now, content: {application/problem+json: {schema: {$ref: "#/components/schemas/Problem"}}}}
            Transition: {description: "Illegal transition: currentStatus and allowedStatuses say where it is and may go", content: {application/problem+json: {schema: {$ref: "#/components/schemas/Problem"}}}}
            Stale: {description: If-Match names an older version, content: {application/problem+json: {schema: {$ref: "#/components/schemas/Problem"}}}}
            TooLarge: {description: File over the size limit (default 20 MiB), content: {application/problem+json: {schema: {$ref: "#/components/schemas/Problem"}}}}
            Invalid: {description: "Field rules: errors names each field", content: {application/problem+json: {schema: {$ref: "#/components/schemas/Problem"}}}}
            UnitCreated: {description: Created, headers: {Location: {$ref: "#/components/headers/Location"}, ETag: {$ref: "#/components/headers/ETag"}}, content: {application/json: {schema: {$ref: "#/components/schemas/Unit"}}}}
          schemas:
            Problem:
              type: object
              required: [type, title, status, detail, code]
              properties:
                type: {type: string, example: "tag:thidua,2026:validation-failed"}
                title: {type: string}
                status: {type: integer}
                detail: {type: string}
                code: {enum: [bad-request, unauthenticated, forbidden, not-found, conflict, invalid-transition, immutable-record, precondition-failed, validation-failed, content-too-large, method-not-allowed, internal-error]}
                instance: {type: string}
                errors: {type: array, items: {type: object, properties: {field: {type: string}, message: {type: string}}}}
                currentStatus: {type: string}
                allowedStatuses: {type: array, items: {type: string}}
            Health:
              type: object
              properties:
                status: {enum: [ok, degraded, unavailable]}
                database: {type: object, properties: {state: {enum: [up, migrations-pending, down]}, location: {type: string}, appliedMigrations: {type: [integer, "null"]}, pendingMigrations: {type: [integer, "null"]}}}
            Account:
              type: object
              properties: {id: {type: string, format: uuid}, displayName: {type: string}, roles: {type: array, items: {enum: [admin, headmaster, council, union, staff]}}, personId: {type: [string, "null"], format: uuid}}
            Unit:
              type: object
              properties: {id: {type: string, format: uuid}, code: {type: string}, name: {type: string}, kind: {enum: [province, district, commune, school, agency, collective]}, parentId: {type: [string, "null"]}, version: {type: integer}}
            UnitCreate:
              type: object
              required: [code, name, kind]
              properties: {code: {type: string, pattern: "^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$"}, name: {type: string}, kind: {type: string}, parentId: {type: string, format: uuid}}
            UnitList: {type: object, properties: {items: {type: array, items: {$ref: "#/components/schemas/Unit"}}, nextCursor: {type: [string, "null"]}}}
            Person:
              type: object
              properties: {id: {type: string, format: uuid}, unitId: {type: string, format: uuid}, code: {type: [string, "null"]}, fullName: {type: string}, familyName: {type: string}, middleName: {type: string}, givenName: {type: string}, position: {type: string}, category: {enum: [CBQL, VC, NLD]}, version: {type: integer}}
            PersonWrite:
              type: object
              properties: {fullName: {type: string}, familyName: {type: string}, middleName: {type: string}, givenName: {type: string}, unitId: {type: string, format: uuid}, position: {type: string}, category: {enum: [CBQL, VC, NLD, NLĐ]}, code: {type: string}}
            PersonList: {type: object, properties: {items: {type: array, items: {$ref: "#/components/schemas/Person"}}, nextCursor: {type: [string, "null"]}}}
            Document:
              type: object
              properties: {id: {type: string, format: uuid}, number: {type: string, example: 817/QĐ-UBND-HC}, date: {type: string, format: date}, issuer: {type: string}, title: {type: string}, version: {type: integer}}
            DocumentWrite:
              type: object
              required: [number, date, issuer, title]
              properties: {number: {type: string}, date: {type: string, format: date}, issuer: {type: string}, title: {type: string}}
            DocumentList: {type: object, properties: {items: {type: array, items: {$ref: "#/components/schemas/Document"}}, nextCursor: {type: [string, "null"]}}}
            MovementStatus: {enum: [draft, open, closed, archived]}
            Criterion: {type: object, properties: {code: {type: string}, title: {type: string}, maxPoints: {type: integer, minimum: 1}}}
            Movement:
              type: object
              properties:
                id: {type: string, format: uuid}
                name: {type: string}
                unitId: {type: string, format: uuid}
                period: {type: string, example: 2023-2024}
                periodKind: {enum: [calendar_year, school_year]}
                startsOn: {type: string, format: date}
                endsOn: {type: string, format: date}
                registrationDeadline: {type: [string, "null"], format: date}
                nominationDeadline: {type: [string, "null"], format: date}
                status: {$ref: "#/components/schemas/MovementStatus"}
                legalBases: {type: array, items: {type: string, format: uuid}}
                criteria: {type: array, items: {$ref: "#/components/schemas/Criterion"}}
                version: {type: integer}
            MovementWrite:
              type: object
              required: [name, unitId, period]
              properties: {name: {type: string}, unitId: {type: string, format: uuid}, period: {type: string, description: "2024 or 2023-2024"}, registrationDeadline: {type: string, format: date}, nominationDeadline: {type: string, format: date}, legalBases: {type: array, items: {type: string, format: uuid}}, criteria: {type: array, items: {$ref: "#/components/schemas/Criterion"}}}
            MovementList: {type: object, properties: {items: {type: array, items: {$ref: "#/components/schemas/Movement"}}, nextCursor: {type: [string, "null"]}}}
            Owner: {type: object, description: Exactly one of personId (a person) or unitId (a collective), properties: {personId: {type: string, format: uuid}, unitId: {type: string, format: uuid}}}
            ModelStatus: {enum: [registered, in_progress, submitted, recognized, not_recognized, withdrawn]}
            Model:
              type: object
              properties: {id: {type: string, format: uuid}, movementId: {type: string, format: uuid}, title: {type: string}, field: {enum: [economy, culture_society, defence_security, political_system]}, owner: {$ref: "#/components/schemas/Owner"}, goals: {type: string}, startsOn: {type: string, format: date}, endsOn: {type: string, format: date}, status: {$ref: "#/components/schemas/ModelStatus"}, recognition: {type: [object, "null"], properties: {level: {type: string}, decision: {type: string}, date: {type: string, format: date}}}, version: {type: integer}}
            ModelWrite:
              type: object
              required: [title, field, owner]
              properties: {title: {type: string}, field: {type: string}, owner: {$ref: "#/components/schemas/Owner"}, goals: {type: string}, startsOn: {type: string, format: date}, endsOn: {type: string, format: date}}
            ModelList: {type: object, properties: {items: {type: array, items: {$ref: "#/components/schemas/Model"}}, nextCursor: {type: [string, "null"]}}}
            Evidence:
              type: object
              properties: {id: {type: string, format: uuid}, kind: {enum: [file, link, note]}, modelId: {type: [string, "null"]}, nominationId: {type: [string, "null"]}, sha256: {type: [string, "null"]}, size: {type: [integer, "null"]}, contentType: {type: [string, "null"]}, filename: {type: [string, "null"]}, url: {type: [string, "null"]}, note: {type: [string, "null"]}, addedBy: {type: string}, addedAt: {type: string, format: date-time}, retracted: {type: boolean}, retractionReason: {type: [string, "null"]}, version: {type: integer}}
            NominationStatus: {enum: [draft, submitted, in_review, returned, recommended, not_recommended, forwarded, approved, declined, withdrawn]}
            Nomination:
              type: object
              properties: {id: {type: string, format: uuid}, movementId: {type: string, format: uuid}, award: {type: string, example: LDTT}, nominee: {$ref: "#/components/schemas/Owner"}, achievements: {type: string}, modelIds: {type: array, items: {type: string, format: uuid}}, status: {$ref: "#/components/schemas/NominationStatus"}, returnReason: {type: [string, "null"]}, declineReason: {type: [string, "null"]}, submission: {type: [object, "null"], properties: {number: {type: string}, date: {type: string, format: date}, authorityLevel: {type: string}, authorityName: {type: string}}}, version: {type: integer}}
            NominationWrite:
              type: object
              required: [movementId, award, nominee]
              properties: {movementId: {type: string, format: uuid}, award: {type: string}, nominee: {$ref: "#/components/schemas/Owner"}, achievements: {type: string}, modelIds: {type: array, items: {type: string, format: uuid}}}
            NominationList: {type: object, properties: {items: {type: array, items: {$ref: "#/components/schemas/Nomination"}}, nextCursor: {type: [string, "null"]}}}
            ReviewSummary:
              type: object
              properties: {members: {type: integer}, reviewed: {type: integer}, progress: {type: string, example: 5 trên 7 thành viên đã đánh giá}, votes: {type: object, properties: {agree: {type: integer}, disagree: {type: integer}, abstain: {type: integer}}}, averages: {type: [object, "null"], additionalProperties: {type: number}}, averageTotal: {type: [number, "null"]}, reviews: {type: [array, "null"], items: {type: object}}}
            Approval: {type: object, description: "decisionNumber and decisionDate within the unit's authority; submissionNumber and submissionDate (tờ trình) above it", properties: {decisionNumber: {type: string, example: 12/QĐ-THAP}, decisionDate: {type: string, format: date}, submissionNumber: {type: string, example: 52/TTr-THAP}, submissionDate: {type: string, format: date}}}
            Eligibility:
              type: object
              properties:
                award: {type: string}
                awardName: {type: string}
                nominee: {type: string}
                period: {type: string, example: 2023-2024}
                rulesFrom: {type: [string, "null"], format: date}
                results:
                  type: array
                  items:
                    type: object
                    properties: {rule: {type: string}, title: {type: string}, titleEnglish: {type: string}, outcome: {enum: [passed, failed, unknown]}, facts: {type: array, items: {type: string}}, factsEnglish: {type: array, items: {type: string}}, override: {type: [object, "null"], properties: {reason: {type: string}, by: {type: string}}}}
            AwardRule:
              type: object
              properties: {awardCode: {type: string}, effectiveFrom: {type: string, format: date}, coefficient: {type: string, example: "0.3"}, collectiveFactor: {enum: [1, 2]}, authorityLevel: {type: string}, voteThreshold: {type: [object, "null"], properties: {numerator: {type: integer}, denominator: {type: integer}, base: {enum: [members, present]}}}, eligibility: {type: array, items: {type: string}}, citation: {type: string}, verified: {type: boolean}}
            Award:
              type: object
              properties: {code: {type: string}, name: {type: string}, recipient: {enum: [individual, collective, both, model]}, kind: {enum: [title, form, recognition]}, precedence: {type: integer}, citation: {type: string}, verified: {type: boolean}, current: {oneOf: [{$ref: "#/components/schemas/AwardRule"}, {type: "null"}]}, rules: {type: array, items: {$ref: "#/components/schemas/AwardRule"}}}
            RewardQuote:
              type: object
              properties: {award: {type: string}, date: {type: string, format: date}, collective: {type: boolean}, coefficient: {type: string}, collectiveFactor: {type: integer}, baseSalary: {type: integer}, baseSalaryFrom: {type: string, format: date}, ruleFrom: {type: string, format: date}, rounding: {enum: [up, nearest, none]}, rewardAmount: {type: integer, description: đồng}}
            BaseSalary: {type: object, properties: {effectiveFrom: {type: string, format: date}, amount: {type: integer}, citation: {type: string}}}
            Settings: {type: object, properties: {rewardRounding: {enum: [up, nearest, none]}, roundingUnit: {type: integer}}}
            UnitPolicy: {type: object, properties: {authorityLevel: {type: [string, "null"]}, effectiveAuthorityLevel: {type: string}, caps: {type: array, items: {type: object, properties: {award: {type: string}, ofAward: {type: string}, percent: {type: string}, enabled: {type: boolean}}}}}}
            LifetimeRecord:
              type: object
              properties:
                name: {type: string}
                kind: {enum: [person, unit]}
                years: {type: array, items: {type: object, properties: {period: {type: string}, periodKind: {enum: [calendar_year, school_year]}, rating: {type: [string, "null"]}, ratingName: {type: [string, "null"]}, monthsWorked: {type: [integer, "null"]}, importedInitiatives: {type: integer}, titles: {type: array, items: {type: object, properties: {award: {type: string}, awardName: {type: string}, status: {enum: [issued, pending]}, source: {type: string}, rewardAmount: {type: [integer, "null"]}}}}, recognizedModels: {type: array, items: {type: string}}, disciplines: {type: array, items: {type: object}}}}}
            DecisionOutcome:
              type: object
              properties: {number: {type: string}, date: {type: string, format: date}, dryRun: {type: boolean}, count: {type: integer}, outcome: {enum: [would-approve-all, would-fail, approved]}, items: {type: array, items: {type: object, properties: {nominationId: {type: string}, outcome: {enum: [would-approve, approved, refused]}, commendationId: {type: [string, "null"]}, problem: {type: [string, "null"]}}}}}
            Commendation:
              type: object
              properties: {id: {type: string, format: uuid}, nominationId: {type: string, format: uuid}, award: {type: string}, movementId: {type: string, format: uuid}, nominee: {$ref: "#/components/schemas/Owner"}, decisionNumber: {type: string}, decisionDate: {type: string, format: date}, signer: {type: string}, revoked: {type: boolean}, revocation: {type: [object, "null"], properties: {reason: {type: string}, decisionNumber: {type: string}}}, issuer: {type: [string, "null"], description: "The higher authority, for a forwarded nomination"}, coefficient: {type: string, example: "0.3"}, collectiveFactor: {type: integer}, baseSalary: {type: integer, description: đồng}, rewardAmount: {type: integer, description: đồng}, version: {type: integer}}
            CommendationList: {type: object, properties: {items: {type: array, items: {$ref: "#/components/schemas/Commendation"}}, nextCursor: {type: [string, "null"]}}}
            AuditEntry:
              type: object
              properties: {seq: {type: integer}, at: {type: string, format: date-time}, actorAccountId: {type: [string, "null"]}, actor: {type: string}, action: {type: string}, entity: {type: string}, entityId: {type: string}, before: {type: [string, "null"], description: JSON text}, after: {type: [string, "null"], description: JSON text}}
        """#
}
