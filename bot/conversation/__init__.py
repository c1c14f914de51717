"""A person's conversation on any channel: context, storage, analytics, privacy, inbox, hand-over, flood limits."""
