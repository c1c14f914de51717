"""What staff use: live knowledge-base reload, the report, evaluation, staff messages."""
