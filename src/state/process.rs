//! Facts about processes on this host, read from /proc: whether a pid is alive and when it
//! started (so a recycled pid is not mistaken for the original lease holder).

/// Start time of `pid` in clock ticks since boot (field 22 of /proc/PID/stat), or None when
/// the process does not exist (or is a zombie).
pub fn start_time(pid: i64) -> Option<i64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // the command name (field 2) may contain spaces and ')'; fields after the last ')' are fixed
    let rest = &stat[stat.rfind(')')? + 1..];
    let mut fields = rest.split_whitespace();
    let state = fields.next()?;
    if state == "Z" || state == "X" {
        return None;
    }
    // after the state come fields 4..; starttime is field 22 => the 19th after state
    fields.nth(18)?.parse().ok()
}

/// This machine's host name.
pub fn hostname() -> String {
    std::fs::read_to_string("/proc/sys/kernel/hostname")
        .or_else(|_| std::fs::read_to_string("/etc/hostname"))
        .map(|s| s.trim().to_string())
        .ok()
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "localhost".to_string())
}

#[cfg(test)]
mod tests {
    #[test]
    fn own_process_has_a_start_time() {
        assert!(super::start_time(std::process::id() as i64).is_some());
        assert!(super::start_time(i32::MAX as i64).is_none());
    }
}
