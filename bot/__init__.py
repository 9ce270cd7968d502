"""VTR Bot: keeps Amazon self-fulfilled sellers' Valid Tracking Rate above the bar."""

__version__ = "0.1.0"
