/// The OpenAPI 3.1 document of the service (`openapi.yaml` beside this file, embedded at build time), written by hand
/// and checked against the registered routes by a test.
public enum OpenAPIDocument {
    public static let yaml = String(decoding: PackageResources.openapi_yaml, as: UTF8.self)
}
