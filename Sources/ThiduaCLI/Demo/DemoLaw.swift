/// The facts the eligibility rules read, for the demo school: ratings for school year 2023-2024 and calendar 2024,
/// one disciplinary measure, and CSTĐ cơ sở titles from before thidua (what a CSTĐ tỉnh chain reads).
enum DemoLaw {
    static let excellent: Set<String> = ["AP001", "AP003", "AP009", "AP015"]

    static var ratings: String {
        var lines = ["person,unit,period,rating,months_worked,initiatives,maternity_months"]
        for number in 1...30 {
            let code = String(format: "AP%03d", number)
            let rating = excellent.contains(code) ? "Hoàn thành xuất sắc nhiệm vụ" : "Hoàn thành tốt nhiệm vụ"
            // Võ Thị Lan (AP005) was on maternity leave for five months of the school year: they count as time worked, so
            // the rules pass her on their own. AP008 was treated after an accident at work for four months: the rules do not
            // know that reason, so the headmaster overrides the ten-month rule with it.
            let (months, maternity) = code == "AP005" ? (7, "5") : (code == "AP008" ? (8, "") : (12, ""))
            lines.append("\(code),,2023-2024,\(rating),\(months),,\(maternity)")
            lines.append("\(code),,2024,\(rating),12,\(code == "AP015" ? "1" : ""),")
        }
        for unit in ["THAP-K1", "THAP-K23", "THAP-K45", "THAP-VP"] {
            lines.append(",\(unit),2023-2024,Hoàn thành tốt nhiệm vụ,,,")
            lines.append(",\(unit),2024,Hoàn thành tốt nhiệm vụ,,,")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static let disciplines = """
        person,measure,decided_on,decision_number
        AP024,Khiển trách,2024-03-12,08/QĐ-THAP

        """

    static let pastCommendations = """
        person,award,period,decision_number,decision_date,issuer,amount
        AP015,CSTD_CS,2022,40/QĐ-THAP,2022-12-22,Trường Tiểu học An Phước,1490000
        AP015,CSTD_CS,2023,41/QĐ-THAP,2023-12-21,Trường Tiểu học An Phước,1800000
        AP015,LDTT,2023,41/QĐ-THAP,2023-12-21,Trường Tiểu học An Phước,540000

        """
}
