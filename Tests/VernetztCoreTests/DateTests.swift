import Foundation
import Testing
@testable import VernetztCore
@testable import VernetztEngine
@testable import VernetztModel
@testable import VernetztServe

@Suite struct DateParserTests {
    let parser = DateParser(timeZone: TimeZone(identifier: "Europe/Berlin")!)

    @Test func wholeDayIsMidnightInTheSiteTimeZone() throws {
        let date = try #require(parser.parse("2022-07-05"))
        #expect(date.isWholeDay)
        #expect(date.instant == Date(timeIntervalSince1970: 1_656_972_000))  // 2022-07-04T22:00:00Z
        #expect((date.year, date.month, date.day, date.weekday) == (2022, 7, 5, 3))
    }

    @Test func localTimeUsesSummerAndWinterOffsets() throws {
        let summer = try #require(parser.parse("2022-07-05T14:00"))
        #expect(summer.utcOffsetSeconds == 7200)
        #expect(!summer.isWholeDay)
        let winter = try #require(parser.parse("2022-12-05 14:00:00"))
        #expect(winter.utcOffsetSeconds == 3600)
        #expect(summer.instant == Date(timeIntervalSince1970: 1_657_022_400))
    }

    @Test func explicitOffsetIsRespectedAndShownInSiteTime() throws {
        let date = try #require(parser.parse("2015-01-01T06:24:00+01:00"))
        #expect((date.hour, date.minute) == (6, 24))
        let utc = try #require(parser.parse("2022-07-05T12:00:00Z"))
        #expect((utc.hour, utc.minute) == (14, 0))
    }

    @Test func partialDates() throws {
        let year = try #require(parser.parse("2022"))
        #expect(year.precision == .year)
        #expect(GermanDateFormatter.date(year) == "2022")
        #expect(GermanDateFormatter.iso(year) == "2022")
        let month = try #require(parser.parse("2022-06"))
        #expect(GermanDateFormatter.date(month) == "Juni 2022")
        #expect(GermanDateFormatter.iso(month) == "2022-06")
    }

    @Test(arguments: ["2022-13-05", "2022-02-30", "2021-02-29", "05.07.2022", "2022-7-5", "2022-07-05T25:00",
                      "2022-07-05T14:00+2", "gestern", "", "2022-07-05T14:00:00+02:00x"])
    func invalidDatesAreRejected(text: String) {
        #expect(parser.parse(text) == nil)
    }

    @Test func leapDayIsAccepted() {
        #expect(parser.parse("2024-02-29") != nil)
    }
}

@Suite struct GermanDateFormatterTests {
    let parser = DateParser(timeZone: TimeZone(identifier: "Europe/Berlin")!)

    @Test func formsOfADay() throws {
        let day = try #require(parser.parse("2022-07-05"))
        #expect(GermanDateFormatter.date(day) == "5. Juli 2022")
        #expect(GermanDateFormatter.long(day) == "Dienstag, 5. Juli 2022")
        #expect(GermanDateFormatter.numeric(day) == "05.07.2022")
        #expect(GermanDateFormatter.iso(day) == "2022-07-05")
    }

    @Test func formsOfAMoment() throws {
        let moment = try #require(parser.parse("2022-03-01T09:05"))
        #expect(GermanDateFormatter.long(moment) == "Dienstag, 1. März 2022, 9:05 Uhr")
        #expect(GermanDateFormatter.iso(moment) == "2022-03-01T09:05:00+01:00")
    }
}
