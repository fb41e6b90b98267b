"""The response-flow screens: classification, flow actions, clocks, deadlines, the QA heads'
review inbox, signatures, the recall decision and the status report to top management."""
