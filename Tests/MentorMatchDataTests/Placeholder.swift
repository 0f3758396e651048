import Testing
@Test func placeholderMentorMatchDataTests() { #expect(Bool(true)) }
