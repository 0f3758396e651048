import MentorMatchCLI

MentorMatchCommand.runMain()
