"""Margin: private psychotherapy notes, encrypted on the clinician's device, beside the EHR."""

__version__ = "0.1.0"
