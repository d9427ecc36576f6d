"""Parses an .ics file with python3-icalendar (a real RFC 5545 parser) and prints what it read as JSON."""
import json
import sys
from datetime import timezone

import icalendar

raw = open(sys.argv[1], "rb").read()
cal = icalendar.Calendar.from_ical(raw)
events = []
for ev in cal.walk("VEVENT"):
    events.append({
        "uid": str(ev.get("uid")),
        "summary": str(ev.get("summary")),
        "description": str(ev.get("description")) if ev.get("description") is not None else None,
        "location": str(ev.get("location")) if ev.get("location") is not None else None,
        "url": str(ev.get("url")) if ev.get("url") is not None else None,
        "dtstart": ev.decoded("dtstart").isoformat(),
        "dtstart_utc": ev.decoded("dtstart").astimezone(timezone.utc).isoformat(),
        "dtstart_tzid": ev.get("dtstart").params.get("TZID"),
        "dtend": ev.decoded("dtend").isoformat(),
        "dtstamp": ev.decoded("dtstamp").isoformat(),
        "sequence": int(ev.get("sequence")),
        "status": str(ev.get("status")),
        "organizer": str(ev.get("organizer")) if ev.get("organizer") is not None else None,
        "organizer_cn": str(ev.get("organizer").params.get("CN")) if ev.get("organizer") is not None else None,
        "attendees": [str(a) for a in (ev.get("attendee") if isinstance(ev.get("attendee"), list) else [ev.get("attendee")] if ev.get("attendee") is not None else [])],
    })
print(json.dumps({
    "method": str(cal.get("method")) if cal.get("method") is not None else None,
    "name": str(cal.get("x-wr-calname")) if cal.get("x-wr-calname") is not None else None,
    "timezones": [str(tz.get("tzid")) for tz in cal.walk("VTIMEZONE")],
    "events": events,
}, ensure_ascii=False))
