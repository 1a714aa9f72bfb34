import Foundation
import Testing
@testable import VernetztCore

/// The write stage: staging and swap, unchanged files keep their mtime, hidden files survive.
@Suite struct OutputTests {
    func folder() throws -> URL {
        let url = try ScratchFolder.path("out")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.appendingPathComponent("output")
    }

    func modified(_ url: URL) throws -> Date {
        try FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as! Date
    }

    @Test func unchangedFilesKeepTheirModificationTime() throws {
        let output = try folder()
        let writer = OutputWriter(output: output)
        let first = try writer.write([OutputFile(path: "a/index.html", text: "A"), OutputFile(path: "b.html", text: "B")])
        #expect(first.written == 2)
        let old = Date(timeIntervalSince1970: 1_000_000_000)
        for path in ["a/index.html", "b.html"] {
            try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: output.appendingPathComponent(path).path)
        }
        let second = try writer.write([OutputFile(path: "a/index.html", text: "A"), OutputFile(path: "b.html", text: "B2")])
        #expect(second.written == 1)
        #expect(second.unchanged == 1)
        #expect(try modified(output.appendingPathComponent("a/index.html")) == old)
        #expect(try modified(output.appendingPathComponent("b.html")) != old)
        #expect(try String(contentsOf: output.appendingPathComponent("b.html"), encoding: .utf8) == "B2")
    }

    @Test func filesNoLongerBuiltDisappearAndHiddenFilesStay() throws {
        let output = try folder()
        let writer = OutputWriter(output: output)
        _ = try writer.write([OutputFile(path: "alt.html", text: "x")])
        try Data().write(to: output.appendingPathComponent(".gitkeep"))
        _ = try writer.write([OutputFile(path: "neu.html", text: "y")])
        let names = try FileManager.default.contentsOfDirectory(atPath: output.path).sorted()
        #expect(names == [".gitkeep", OutputGuard.marker, "neu.html"])
        let parent = try FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path)
        #expect(parent == ["output"])  // no staging or retired folder left behind
    }
}
