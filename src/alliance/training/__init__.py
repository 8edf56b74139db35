"""Training code for the shipped models (needs the ``train`` extra: scikit-learn).

``python -m alliance.training.moves DATA_DIR`` rebuilds the move and
client-talk models in ``alliance/models/`` from the AnnoMI CSVs; see
``alliance/models/MODEL_CARD.md``.
"""
