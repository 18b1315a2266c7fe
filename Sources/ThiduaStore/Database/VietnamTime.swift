import PostgresNIO

extension PostgresClient.Configuration {
    /// The same configuration with every connection's `TimeZone` set to Vietnam's (UTC+7).
    ///
    /// The registry's dates are Vietnamese days: the API dates a comment, a registration or a meeting with
    /// `LocalDate.today` in Asia/Ho_Chi_Minh, and the database's rules compare them with `current_date`. A server whose
    /// own zone is UTC would otherwise refuse, from midnight to 07:00 in Vietnam, a comment made "today" as a day in the
    /// future. PgBouncer carries `TimeZone` as a startup parameter in every pooling mode.
    public var inVietnamTime: Self {
        var configuration = self
        configuration.options.additionalStartupParameters.removeAll { $0.0.lowercased() == "timezone" }
        configuration.options.additionalStartupParameters.append(("TimeZone", "Asia/Ho_Chi_Minh"))
        return configuration
    }
}
