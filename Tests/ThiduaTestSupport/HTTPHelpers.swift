import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting

extension TestClientProtocol {
    /// Sends JSON with a bearer token and returns status and decoded body.
    @discardableResult
    public func send(_ method: HTTPRequest.Method, _ uri: String, token: String, json: String? = nil, headers extra: HTTPFields = [:])
        async throws
        -> (status: Int, body: JSONValue, headers: HTTPFields)
    {
        var headers = Seed.headers(token)
        for field in extra { headers[field.name] = field.value }
        return try await execute(uri: uri, method: method, headers: headers, body: json.map { ByteBuffer(string: $0) }) { response in
            let body = response.body.readableBytes == 0 ? JSONValue.null : ((try? response.json(JSONValue.self)) ?? .null)
            return (Int(response.status.code), body, response.headers)
        }
    }
}
