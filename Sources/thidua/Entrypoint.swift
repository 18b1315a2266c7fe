import ThiduaCLI

@main
struct Entrypoint {
    static func main() async {
        await ThiduaCommand.main()
    }
}
