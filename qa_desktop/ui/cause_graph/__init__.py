"""The OCHIBO-HIROI cause-graph editor and the views that learn from past analyses."""
