"""Measure the shipped annotators against labelled data (AnnoMI, gold folders)."""
