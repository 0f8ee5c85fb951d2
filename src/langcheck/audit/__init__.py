"""The audit report (`langcheck report`): figures across many records, not findings per file.

records.py reads records and their metadata, stream.py checks them (in parallel if asked),
summary.py turns additive counts into every figure, examples.py keeps a bounded sample of
sentences, redact.py removes personal details from them, and html.py / tables.py render.
The counts are plain sums, so another engine (Spark, issue 13) can compute them and hand
them to the same renderer.
"""
