//! Offline lookup in a local copy of Pwned Passwords, without loading it.
//!
//! Two formats, told apart by the first 8 bytes:
//! - **text**: HIBP's `SHA1:COUNT` lines (40 hex digits, colon, decimal count, LF or CRLF),
//!   sorted by hash, as the official downloader writes them. Looked up by binary search on
//!   byte offsets: each step seeks and reads one line (~32 reads for 40 GB).
//! - **compact**: [`MAGIC`] then fixed 24-byte records (20-byte SHA-1, count as big-endian
//!   u32, saturating), sorted by hash; built by [`build_compact`]. About 24 bytes per hash
//!   (~24 GB for a billion), exact (no false positives), binary search over records.
//!   A binary-fuse filter (xorf) would be ~2.25 GB at 1/50,000 false positives; it is not
//!   used here to keep lookups exact and the dependency list short.

use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use super::{BreachedCheck, BreachedError, hex_val, sha1_bytes};

/// First bytes of a compact file.
pub const MAGIC: &[u8; 8] = b"RKYHIBP1";
const RECORD: u64 = 24;
/// Below this many bytes the text search reads lines in order.
const SCAN: u64 = 4096;
/// Longest text line accepted (hash, colon, count, CRLF).
const MAX_LINE: usize = 80;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    Text,
    Compact,
}

/// A sorted local copy of the list (text or compact), opened per lookup.
#[derive(Debug, Clone)]
pub struct OfflineSorted {
    path: PathBuf,
    format: Format,
    min_count: u64,
}

impl OfflineSorted {
    /// Opens `path`, detects its format and checks the first record.
    pub fn open(path: &Path, min_count: u64) -> Result<Self, BreachedError> {
        let mut f = File::open(path).map_err(|e| io_err(path, e))?;
        let mut head = [0u8; 8];
        let n = read_up_to(&mut f, &mut head).map_err(|e| io_err(path, e))?;
        let format = if n == 8 && &head == MAGIC {
            let len = f.metadata().map_err(|e| io_err(path, e))?.len();
            if (len - 8) % RECORD != 0 {
                return Err(format_err(path, "compact file has a partial record"));
            }
            Format::Compact
        } else {
            f.seek(SeekFrom::Start(0)).map_err(|e| io_err(path, e))?;
            let mut first = String::new();
            BufReader::new(&mut f)
                .take(MAX_LINE as u64)
                .read_line(&mut first)
                .map_err(|e| io_err(path, e))?;
            if !first.is_empty() && parse_line(first.as_bytes()).is_none() {
                return Err(format_err(
                    path,
                    "expected sorted SHA1:COUNT lines or a compact file",
                ));
            }
            Format::Text
        };
        Ok(Self {
            path: path.to_path_buf(),
            format,
            min_count: min_count.max(1),
        })
    }

    /// Looks up a SHA-1 synchronously; the count, if listed.
    pub fn count_of(&self, hash: &[u8; 20]) -> Result<Option<u64>, BreachedError> {
        let mut f = File::open(&self.path).map_err(|e| io_err(&self.path, e))?;
        let r = match self.format {
            Format::Text => text_lookup(&mut f, hash),
            Format::Compact => compact_lookup(&mut f, hash),
        };
        r.map_err(|e| io_err(&self.path, e))
    }
}

#[async_trait::async_trait]
impl BreachedCheck for OfflineSorted {
    async fn is_breached(&self, password: &str) -> Result<bool, BreachedError> {
        let hash = sha1_bytes(password);
        let me = self.clone();
        let count = tokio::task::spawn_blocking(move || me.count_of(&hash))
            .await
            .map_err(|_| BreachedError::Task)??;
        Ok(count.is_some_and(|c| c >= self.min_count))
    }
}

fn io_err(path: &Path, source: std::io::Error) -> BreachedError {
    BreachedError::Io {
        path: path.display().to_string(),
        source,
    }
}

fn format_err(path: &Path, problem: &str) -> BreachedError {
    BreachedError::Format {
        path: path.display().to_string(),
        problem: problem.into(),
    }
}

fn read_up_to(f: &mut File, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut got = 0;
    while got < buf.len() {
        match f.read(&mut buf[got..])? {
            0 => break,
            n => got += n,
        }
    }
    Ok(got)
}

/// Parses `HASH:COUNT` (trailing CR/LF allowed). Hash in either case.
fn parse_line(line: &[u8]) -> Option<([u8; 20], u64)> {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    let (hex, count) = (line.get(..40)?, line.get(40..)?);
    let count = count.strip_prefix(b":")?;
    let mut hash = [0u8; 20];
    for (i, pair) in hex.chunks(2).enumerate() {
        let (hi, lo) = (hex_val(*pair.first()?)?, hex_val(*pair.get(1)?)?);
        *hash.get_mut(i)? = hi << 4 | lo;
    }
    let count: u64 = std::str::from_utf8(count).ok()?.trim().parse().ok()?;
    Some((hash, count))
}

/// One parsed text line: where it starts, its hash and count, and its length in bytes.
struct Line {
    start: u64,
    hash: [u8; 20],
    count: u64,
    len: u64,
}

/// The first complete line starting at or after `pos`. `None` at the end.
fn line_from(f: &mut File, pos: u64) -> std::io::Result<Option<Line>> {
    // Start one byte early so a line beginning exactly at `pos` is seen after its '\n'.
    let from = pos.saturating_sub(1);
    f.seek(SeekFrom::Start(from))?;
    let mut buf = [0u8; 2 * MAX_LINE];
    let n = read_up_to(f, &mut buf)?;
    let data = &buf[..n];
    let start_in_buf = if pos == 0 {
        0
    } else {
        match data.iter().position(|&b| b == b'\n') {
            Some(i) => i + 1,
            None => return Ok(None),
        }
    };
    let rest = &data[start_in_buf.min(data.len())..];
    if rest.is_empty() {
        return Ok(None);
    }
    let end = rest
        .iter()
        .position(|&b| b == b'\n')
        .map_or(rest.len(), |i| i + 1);
    let start = from + start_in_buf as u64;
    match parse_line(&rest[..end]) {
        Some((hash, count)) => Ok(Some(Line {
            start,
            hash,
            count,
            len: end as u64,
        })),
        None => Err(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!("unreadable line at byte {start}"),
        )),
    }
}

/// Binary search over byte offsets of a sorted text file. Invariant: a line holding
/// `target` can only start in `lo..hi`.
fn text_lookup(f: &mut File, target: &[u8; 20]) -> std::io::Result<Option<u64>> {
    let (mut lo, mut hi) = (0u64, f.metadata()?.len());
    while lo < hi && hi - lo > SCAN {
        let mid = lo + (hi - lo) / 2;
        match line_from(f, mid)? {
            Some(l) if l.start < hi => match l.hash.cmp(target) {
                std::cmp::Ordering::Equal => return Ok(Some(l.count)),
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Less => lo = (l.start + l.len).min(hi),
            },
            _ => hi = mid,
        }
    }
    let mut pos = lo;
    while pos < hi {
        match line_from(f, pos)? {
            Some(l) if l.start < hi => match l.hash.cmp(target) {
                std::cmp::Ordering::Equal => return Ok(Some(l.count)),
                std::cmp::Ordering::Greater => return Ok(None),
                std::cmp::Ordering::Less => pos = l.start + l.len,
            },
            _ => break,
        }
    }
    Ok(None)
}

fn compact_lookup(f: &mut File, target: &[u8; 20]) -> std::io::Result<Option<u64>> {
    let records = f.metadata()?.len().saturating_sub(MAGIC.len() as u64) / RECORD;
    let (mut lo, mut hi) = (0u64, records);
    let mut rec = [0u8; RECORD as usize];
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        f.seek(SeekFrom::Start(MAGIC.len() as u64 + mid * RECORD))?;
        f.read_exact(&mut rec)?;
        let (h, c) = rec.split_at(20);
        match h.cmp(&target[..]) {
            std::cmp::Ordering::Equal => {
                let count = c.iter().fold(0u64, |acc, &b| acc << 8 | u64::from(b));
                return Ok(Some(count));
            }
            std::cmp::Ordering::Less => lo = mid + 1,
            std::cmp::Ordering::Greater => hi = mid,
        }
    }
    Ok(None)
}

/// Converts a sorted `SHA1:COUNT` text file into the compact form. Streams both files;
/// refuses unsorted or unreadable input. Returns the number of records written.
pub fn build_compact(input: &Path, output: &Path) -> Result<u64, BreachedError> {
    let reader = BufReader::new(File::open(input).map_err(|e| io_err(input, e))?);
    let mut out = BufWriter::new(File::create(output).map_err(|e| io_err(output, e))?);
    out.write_all(MAGIC).map_err(|e| io_err(output, e))?;
    let mut last: Option<[u8; 20]> = None;
    let mut written = 0u64;
    for (i, line) in reader.split(b'\n').enumerate() {
        let line = line.map_err(|e| io_err(input, e))?;
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let (hash, count) = parse_line(&line)
            .ok_or_else(|| format_err(input, &format!("line {} is not SHA1:COUNT", i + 1)))?;
        if last.is_some_and(|l| l >= hash) {
            return Err(format_err(
                input,
                &format!(
                    "line {} is out of order (input must be sorted by hash)",
                    i + 1
                ),
            ));
        }
        last = Some(hash);
        let c = u32::try_from(count).unwrap_or(u32::MAX);
        out.write_all(&hash).map_err(|e| io_err(output, e))?;
        out.write_all(&c.to_be_bytes())
            .map_err(|e| io_err(output, e))?;
        written += 1;
    }
    out.flush().map_err(|e| io_err(output, e))?;
    Ok(written)
}
