import Testing
@Test func placeholderMentorMatchCLITests() { #expect(Bool(true)) }
