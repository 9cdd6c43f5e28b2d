import XCTest
@testable import ConfigModel

final class ModelsClassTests: XCTestCase {
    func testDispatcherLowercasesButDoesNotTrim() {
        XCTAssertEqual(ConfigClass(raw: "APP"), .app)
        XCTAssertEqual(ConfigClass(raw: "apiKey"), .apiKey)
        XCTAssertEqual(ConfigClass(raw: "APIKEY"), .apiKey)
        XCTAssertEqual(ConfigClass(raw: "teamMember"), .teamMember)
        XCTAssertEqual(ConfigClass(raw: "Destination"), .destination)
        XCTAssertNil(ConfigClass(raw: " APP "), "the dispatcher does not trim (R-PIPE-06)")
        XCTAssertNil(ConfigClass(raw: "app\n"))
        XCTAssertNil(ConfigClass(raw: ""))
        XCTAssertNil(ConfigClass(raw: "GrouparooModel"), "Sequelize names are not classes (R-CLASS-01)")
        XCTAssertNil(ConfigClass(raw: "GrouparooRecord"))
        XCTAssertNil(ConfigClass(raw: "team member"))
    }

    /// ASCII spellings are matched byte by byte; the answer must be what lower-casing and looking up gives.
    func testByteMatchAgreesWithLowercasing() {
        let spellings = ConfigClass.allCases.flatMap { [$0.rawValue, $0.rawValue.uppercased(), "\($0)", " \($0.rawValue)"] }
            + ["", "ap", "appp", "App\u{0}", "[pp", "@PP", "te@m", "profil\u{C9}", "\u{212A}", "apiKe\u{212A}", "ſetting", "settinG",
               "aPiKeY", "TEAMmember", "destinationdesti", "destinationdestin", String(repeating: "app", count: 9), "\u{0}",
               "app\u{0}\u{0}", "{pp", "`pp", "DESTINATION", "destinatioN"]
        let byLowercasing = Dictionary(uniqueKeysWithValues: ConfigClass.allCases.map { ($0.rawValue, $0) })
        for raw in spellings {
            XCTAssertEqual(ConfigClass(raw: raw), byLowercasing[raw.lowercased()], raw.debugDescription)
        }
    }

    /// A clean ASCII class is returned as written; it must be what trimming and lower-casing give.
    func testCleanClassShortcutAgreesWithTrimming() {
        let spellings = ["app", "App", " app", "app ", "\tapp\n", "\u{0B}a\u{0C}", "a\rb", "teammember", "team member", "x:y",
                         "[@]", "Z", "z", "", " ", "app\u{A0}", "\u{FEFF}app", "\u{0085}app", "caf\u{E9}", "app\u{2028}", "a\u{0}",
                         "apiKey", "TeamMember", " ApiKey", "ApiKey\t", "A", "\u{1C}App", "App\u{1F}", "A B", "[A@Z]", "Caf\u{E9}",
                         "App\u{A0}", "\u{FEFF}App", String(repeating: "AbC", count: 30)]
        for raw in spellings {
            XCTAssertEqual(ConfigClass.cleanClass(raw), JavaScriptText.trim(raw).lowercased(), raw.debugDescription)
        }
    }

    func testCleanClassTrimsAndLowercases() {
        XCTAssertEqual(ConfigClass.cleanClass(" APP "), "app")
        XCTAssertEqual(ConfigClass.cleanClass("\tTeamMember\n"), "teammember")
        XCTAssertEqual(ConfigClass.cleanClass("\u{FEFF}Source\u{00A0}"), "source", "JS trim removes BOM and NBSP")
        XCTAssertEqual(ConfigClass.cleanClass("\u{0085}app"), "\u{0085}app", "JS trim keeps U+0085")
        XCTAssertEqual(ConfigClass.cleanClass("Unknown"), "unknown", "any string is cleaned, known or not")
        XCTAssertNil(ConfigClass.cleanClass(nil))
        // The dispatcher and cleanClass disagree on padded names: duplicates still match, loading fails.
        XCTAssertEqual(ConfigClass.cleanClass(" APP "), ConfigClass.cleanClass("app"))
        XCTAssertNil(ConfigClass(raw: " APP "))
    }

    func testProfileIsDeprecatedRecord() {
        let profile = ConfigClass(raw: "Profile")
        XCTAssertEqual(profile, .profile)
        XCTAssertEqual(profile?.isDeprecated, true)
        XCTAssertEqual(profile?.canonical, .record)
        XCTAssertEqual(ConfigClass.team.canonical, .team)
        XCTAssertEqual(profile?.modelName, "GrouparooRecord")
        XCTAssertEqual(profile?.allowedKeys, ConfigClass.record.allowedKeys)
        XCTAssertEqual(ConfigClass.cleanClass("Profile"), "profile", "dependency ids keep profile:<id>")
        XCTAssertFalse(ConfigClass.record.isDeprecated)
        XCTAssertEqual(ConfigClass.allCases.filter(\.isDeprecated), [.profile])
    }

    func testModelNamesUsedInMessages() {
        let expected: [ConfigClass: String] = [
            .setting: "Setting", .model: "GrouparooModel", .app: "App", .source: "Source", .property: "Property",
            .schedule: "Schedule", .group: "Group", .destination: "Destination", .apiKey: "ApiKey", .team: "Team",
            .teamMember: "TeamMember", .record: "GrouparooRecord",
        ]
        for (configClass, name) in expected { XCTAssertEqual(configClass.modelName, name) }
    }

    func testAllowedKeysFollowTheSummaryTable() {
        XCTAssertEqual(ConfigClass.team.allowedKeys,
                       ["id", "name", "locked", "permissionAllRead", "permissionAllWrite", "createdAt", "updatedAt",
                        "options", "permissions"])
        XCTAssertEqual(ConfigClass.model.allowedKeys, ["id", "createdAt", "updatedAt", "name", "type", "locked", "state"])
        XCTAssertTrue(ConfigClass.schedule.allowsKey("confirmProfiles"), "renamed before the key check (R-SCH-01)")
        XCTAssertTrue(ConfigClass.schedule.allowsKey("confirmRecords"))
        XCTAssertTrue(ConfigClass.property.allowsKey("identifying"))
        XCTAssertTrue(ConfigClass.property.allowsKey("name"))
        XCTAssertTrue(ConfigClass.group.allowsKey("type"))
        XCTAssertTrue(ConfigClass.destination.allowsKey("destinationGroupMemberships"))
        XCTAssertTrue(ConfigClass.teamMember.allowsKey("passwordHash"))
        XCTAssertFalse(ConfigClass.teamMember.allowsKey("password"), "top-level password is rejected")
        XCTAssertFalse(ConfigClass.apiKey.allowsKey("type"), "in the TS interface but not allowed")
        XCTAssertFalse(ConfigClass.setting.allowsKey("options"), "R-SET-01")
        XCTAssertFalse(ConfigClass.schedule.allowsKey("mapping"))
        for configClass in ConfigClass.allCases {
            XCTAssertTrue(configClass.allowsKey("class"), "class is never checked (R-CLASS-03)")
            XCTAssertTrue(configClass.allowsKey("id"))
            XCTAssertTrue(configClass.allowsKey("createdAt"))
            XCTAssertEqual(Set(configClass.allowedKeys).count, configClass.allowedKeys.count, "no duplicates")
        }
    }

    func testFoldersAndSpellings() {
        XCTAssertEqual(ConfigClass.apiKey.configFolder, "apiKeys")
        XCTAssertEqual(ConfigClass.teamMember.configFolder, "teamMembers")
        XCTAssertEqual(ConfigClass.property.configFolder, "properties")
        XCTAssertEqual(ConfigClass.schedule.configFolder, "schedules")
        XCTAssertNil(ConfigClass.record.configFolder)
        XCTAssertEqual(ConfigClass.apiKey.preferredSpelling, "apiKey")
        XCTAssertEqual(ConfigClass.teamMember.preferredSpelling, "teamMember")
        XCTAssertEqual(ConfigClass.destination.preferredSpelling, "destination")
    }

    func testScalarsStringifyLikeJavaScript() {
        XCTAssertEqual(ConfigScalar.number(42).javaScriptString, "42")
        XCTAssertEqual(ConfigScalar.number(-0.0).javaScriptString, "0")
        XCTAssertEqual(ConfigScalar.number(1.5).javaScriptString, "1.5")
        XCTAssertEqual(ConfigScalar.number(900000).javaScriptString, "900000")
        XCTAssertEqual(ConfigScalar.number(1e21).javaScriptString, "1e+21")
        XCTAssertEqual(ConfigScalar.number(0.000001).javaScriptString, "0.000001")
        XCTAssertEqual(ConfigScalar.boolean(true).javaScriptString, "true")
        XCTAssertEqual(ConfigScalar.string("x").javaScriptString, "x")
    }
}
