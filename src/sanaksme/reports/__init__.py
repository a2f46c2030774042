"""Reports: the meeting report, attendance sheets, the series report and data exports."""
