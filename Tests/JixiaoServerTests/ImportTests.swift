import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import JixiaoServer

@Suite("Organization list import: all or nothing")
struct ImportTests {
    func post(_ api: APIClient, _ bytes: [UInt8]) async throws -> TestingHTTPResponse {
        try await api.send(.POST, "/api/v1/orgs/import", body: ByteBuffer(bytes: bytes), contentType: HTTPMediaType(type: "text", subType: "csv"))
    }

    func details(_ response: TestingHTTPResponse) throws -> [(line: Int?, field: String?, message: String)] {
        let body = try response.content.decode(APIErrorBody.self)
        return body.error.details.map { ($0.line, $0.field, $0.message) }
    }

    @Test("Excel's CSV UTF-8 (with a byte-order mark) and GBK files are read", arguments: TestDatabase.all)
    func encodings(database: TestDatabase) async throws {
        try await withJixiao(database) { app in
            let api = try await APIClient.signIn(app, "province-admin", DemoData.password)
            let bom = try await post(api, [0xEF, 0xBB, 0xBF] + Array("编码,名称,类型,级次,上级编码\n990000-401,江南省统计局,预算部门,,990000\n".utf8))
            #expect(bom.status == .created, "\(bom.body.string)")
            var gbk: [UInt8] = Array("code,name,kind,level,parent_code\n990000-402,".utf8)
            gbk += [0xBD, 0xCC, 0xD3, 0xFD, 0xBE, 0xD6]              // 教育局
            gbk += Array(",".utf8) + [0xD4, 0xA4, 0xCB, 0xE3, 0xB2, 0xBF, 0xC3, 0xC5] + Array(",,990000\n".utf8)   // 预算部门
            let read = try await post(api, gbk)
            #expect(read.status == .created, "\(read.body.string)")
            let names = try await OrganizationModel.query(on: app.db).filter(\.$code ~~ ["990000-401", "990000-402"]).sort(\.$code).all().map(\.name)
            #expect(names == ["江南省统计局", "教育局"])
        }
    }

    @Test("bad files name the row and import nothing", arguments: TestDatabase.all)
    func badFiles(database: TestDatabase) async throws {
        try await withJixiao(database) { app in
            let api = try await APIClient.signIn(app, "province-admin", DemoData.password)
            let before = try await organizationCount(app)

            let missingColumns = try await post(api, Array("code,name\n1,教育局\n".utf8))
            #expect(missingColumns.status == .unprocessableEntity)
            #expect(api.errorCode(missingColumns) == "csv_missing_columns")

            let rows = try await post(api, Array("""
            code,name,kind,level,parent_code
            990000-201,江南省文化和旅游厅,预算部门,,990000
            990000-201-01,江南省图书馆,预算单位,,NOPE
            990000-201,重复编码,预算部门,,990000
            C1,循环甲,预算单位,,C2
            C2,循环乙,预算单位,,C1
            """.utf8))
            #expect(rows.status == .unprocessableEntity)
            #expect(api.errorCode(rows) == "csv_rows_invalid")
            let found = try details(rows)
            #expect(found.map(\.line) == [3, 4, 5, 6])
            #expect(found[0].message.contains("NOPE"))
            #expect(found[1].message.contains("第 2 行"))
            #expect(found[2].message.contains("循环"))

            // Bytes that are neither UTF-8 nor GBK are refused with the line where they start.
            var broken: [UInt8] = Array("code,name,kind,level,parent_code\nG1,".utf8)
            broken += [0xFF, 0xFE, 0xFF, 0x80]
            broken += Array(",预算部门,,990000\n".utf8)
            let notUTF8 = try await post(api, broken)
            #expect(notUTF8.status == .unprocessableEntity)
            #expect(api.errorCode(notUTF8) == "not_utf8")
            #expect(notUTF8.body.string.contains("第 2 行"), "\(notUTF8.body.string)")

            var huge = Array("code,name,kind,level,parent_code\n".utf8)
            let row = Array("990000-999,很长的文件,预算部门,,990000\n".utf8)
            while huge.count < 50 * 1024 * 1024 { huge += row }
            let tooLarge = try await post(api, huge)
            #expect(tooLarge.status == .payloadTooLarge)

            #expect(try await organizationCount(app) == before)
        }
    }

    @Test("a good file lands in one piece under reachable parents", arguments: TestDatabase.all)
    func goodFile(database: TestDatabase) async throws {
        try await withJixiao(database) { app in
            let api = try await APIClient.signIn(app, "county-admin", DemoData.password)
            let before = try await organizationCount(app)
            let outside = try await post(api, Array("code,name,kind,level,parent_code\nQ1,外县部门,预算部门,,990122\n".utf8))
            #expect(outside.status == .unprocessableEntity, "a county administrator cannot import under another county")
            let response = try await post(api, Array("""
            编码,名称,类型,级次,上级编码
            990121-103-01,安平县农业技术推广站,预算单位,,990121-103
            990121-103,安平县农业农村局,预算部门,,990121
            990121-103-01-01,安平县农业技术推广站城关分站,预算单位,,990121-103-01
            """.utf8))
            #expect(response.status == .created, "\(response.body.string)")
            #expect(try response.content.decode(ImportResponse.self).imported == 3)
            #expect(try await organizationCount(app) == before + 3)
            let deepest = try #require(try await OrganizationCommands.byCode("990121-103-01-01", on: app.db))
            let county = try #require(try await OrganizationCommands.byCode("990121", on: app.db))
            #expect(deepest.path.hasPrefix(county.path) && deepest.depth == county.depth + 3 && deepest.administrativeLevel == .county)
            #expect(try await auditActions(app).last == "organization.imported")
        }
    }

    @Test("the import page shows every error beside its row", arguments: TestDatabase.all)
    func importPage(database: TestDatabase) async throws {
        try await withJixiao(database) { app in
            let browser = Browser(app)
            try await browser.signIn("province-admin", DemoData.password)
            try await browser.get("/orgs/import")
            let boundary = "jixiao-test-boundary"
            let csv = "code,name,kind,level,parent_code\nK1,单位,学校,,990000\n"
            let body = "--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(browser.lastCSRF ?? "")\r\n"
                + "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"orgs.csv\"\r\nContent-Type: text/csv\r\n\r\n\(csv)\r\n--\(boundary)--\r\n"
            let response = try await browser.send(.POST, "/orgs/import", body: ByteBuffer(string: body),
                                                  contentType: HTTPMediaType(type: "multipart", subType: "form-data", parameters: ["boundary": boundary]))
            #expect(response.status == .unprocessableEntity)
            #expect(response.body.string.contains("第 2 行“类型”列"))
            #expect(response.body.string.contains("无法识别的机构类型“学校”"))
        }
    }
}
