import Foundation
import HummingbirdTesting
import Testing
import ThiduaTestSupport

/// Checks that a response is an RFC 9457 problem with the given status and stable code, and returns its body.
@discardableResult
func expectProblem(_ response: TestResponse, status: Int, code: String, sourceLocation: SourceLocation = #_sourceLocation) throws
    -> JSONValue
{
    #expect(response.status.code == status, sourceLocation: sourceLocation)
    #expect(response.headers[.contentType]?.hasPrefix("application/problem+json") == true, sourceLocation: sourceLocation)
    let body = try response.json(JSONValue.self)
    #expect(body["code"]?.string == code, sourceLocation: sourceLocation)
    #expect(body["type"]?.string == "tag:thidua,2026:\(code)", sourceLocation: sourceLocation)
    #expect(body["status"]?.number == Double(status), sourceLocation: sourceLocation)
    #expect(body["title"]?.string?.isEmpty == false, sourceLocation: sourceLocation)
    #expect(body["detail"]?.string?.isEmpty == false, sourceLocation: sourceLocation)
    return body
}
