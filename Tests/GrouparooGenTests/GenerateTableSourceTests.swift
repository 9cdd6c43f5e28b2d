import ConfigModel
import Foundation
import XCTest

@testable import grouparoo_gen

/// `:table:source` with `--from`, `--mapping`, `--with`, `--from-csv` and `--high-water-mark`.
final class GenerateTableSourceTests: GenerateTestCase {
    let base = GenerateRequest(templateName: "postgres:table:source", id: "users_table").with { $0.parent = "data_warehouse" }

    func testMappingBootstrapsTheMappedColumnAndGuessesTypesAndUniqueness() throws {
        let plan = try generate(base.with {
            $0.from = "users"
            $0.mapping = "id=user_id"
            $0.with = "id, email,first_name, mobile_phone,signup_date:date"
            $0.highWaterMark = "updated_at"
        })
        XCTAssertEqual(plan.files.map(\.relativePath), [
            "sources/users_table.js", "properties/user_id.js", "properties/email.js", "properties/first_name.js",
            "properties/mobile_phone.js", "properties/signup_date.js",
        ])
        let objects = try readBack("sources/users_table.js")
        XCTAssertEqual(objects[0]?["options"], .object(["table": .string("users")]))
        XCTAssertEqual(objects[0]?["mapping"], .object(["id": .string("user_id")]))
        XCTAssertEqual(objects[1]?["id"], .string("users_table_schedule"))
        XCTAssertEqual(objects[1]?["options"], .object(["column": .string("updated_at")]))

        let expected: [(file: String, id: String, column: String, type: String, unique: Bool)] = [
            ("user_id", "user_id", "id", "string", true), ("email", "email", "email", "email", true),
            ("first_name", "first_name", "first_name", "string", false),
            ("mobile_phone", "mobile_phone", "mobile_phone", "phoneNumber", true),
            ("signup_date", "signup_date", "signup_date", "date", false),
        ]
        for property in expected {
            let object = try readBack("properties/\(property.file).js")[0]
            XCTAssertEqual(object?["id"], .string(property.id))
            XCTAssertEqual(object?["sourceId"], .string("users_table"))
            XCTAssertEqual(object?["type"], .string(property.type), property.file)
            XCTAssertEqual(object?["unique"], .bool(property.unique), property.file)
            XCTAssertEqual(object?["options"]?["column"], .string(property.column))
        }
    }

    func testCSVHeaderAndSampleRowsGiveColumnsAndTypes() throws {
        let csv = "\u{FEFF}id,email,score,active,\"Last, Name\",created_at,user_id\r\n1,a@x.io,3.5,true,\"Doe, \"\"J\"\"\",2021-01-02,7\n2,b@x.io,4,false,Roe,2021-02-03T10:00:00Z,8\n"
        let plan = try generate(base.with { $0.csvText = csv })
        XCTAssertEqual(plan.files.count, 8)
        let types = try plan.files.dropFirst().map { try readBack($0.relativePath)[0]?["type"] }
        XCTAssertEqual(types, ["integer", "email", "float", "boolean", "string", "date", "integer"].map { .string($0) })
        XCTAssertTrue(plan.notices.contains("property id for column \"Last, Name\" is \"last_name\" (ids may only hold letters, digits, \"-\" and \"_\")"), "\(plan.notices)")
        XCTAssertEqual(try readBack("properties/last_name.js")[0]?["options"]?["column"], .string("Last, Name"))

        let picked = try GeneratePlanner.plan(base.with { $0.csvText = csv; $0.with = "email,score:integer" }, templates: .embedded)
        XCTAssertEqual(picked.files.map(\.relativePath), ["sources/users_table.js", "properties/email.js", "properties/score.js"])
        XCTAssertTrue(picked.files[2].contents.contains("type: \"integer\""))
    }

    func testMistakesAreExplained() {
        let cases: [(GenerateRequest, String)] = [
            (base.with { $0.mapping = "id" }, "invalid mapping format"),
            (base.with { $0.mapping = "a=b=c" }, "invalid mapping format"),
            (base.with { $0.with = "*" }, "needs --from-csv"),
            (base.with { $0.with = "id:number" }, "unknown property type \"number\" for column \"id\""),
            (base.with { $0.with = "id,id" }, "listed twice"),
            (base.with { $0.with = "nope"; $0.csvText = "id,email\n" }, "column \"nope\" from --with is not in the CSV header"),
            (base.with { $0.csvText = "" }, "no header row"),
            (base.with { $0.highWaterMark = "" }, "You must pass a column name with the --high-water-mark option."),
            (base.with { $0.with = "A,a" }, "same file properties/a.js"),
        ]
        for (request, text) in cases {
            XCTAssertThrowsError(try GeneratePlanner.plan(request, templates: .embedded)) { error in
                XCTAssertTrue("\(error)".contains(text), "\(error)")
            }
        }
    }

    func testWithoutOptionsTheSourceMatchesGrouparoosPlaceholders() throws {
        try generate(base)
        let object = try readBack("sources/users_table.js")
        XCTAssertEqual(object[0]?["options"], .object(["table": .string("...")]))
        // Grouparoo wrote `"...": "user_id"`, a property that does not exist yet; the example is now a comment.
        XCTAssertEqual(object[0]?["mapping"], .object(["...": .string("...")]))
        XCTAssertTrue(try contents("sources/users_table.js").contains("        // id: \"user_id\",\n"))
        XCTAssertNil(object[1], "the schedule stays commented out")
        XCTAssertTrue(try contents("sources/users_table.js").contains("//   id: \"users_table_schedule\","))
    }
}
