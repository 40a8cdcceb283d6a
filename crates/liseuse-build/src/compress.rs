//! Compression, as every published file is ([`COMPRESSION`]), and the
//! pieces' manifest as published ([`MANIFEST_FILE`]). The browser decodes
//! them with its own `DecompressionStream`; [`gunzip`] and [`read_manifest`]
//! are for native readers (tests, benchmarks).

use std::io::{Read, Write};

use liseuse_core::pieces::{Manifest, COMPRESSION, MANIFEST_FILE};

/// `bytes` compressed at the best level; the same bytes always give the
/// same file.
pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    debug_assert_eq!(COMPRESSION, "gzip");
    let mut encoder = flate2::GzBuilder::new().write(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes).expect("in memory");
    encoder.finish().expect("in memory")
}

/// What [`gzip`] compressed.
pub fn gunzip(bytes: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(bytes).read_to_end(&mut out)?;
    Ok(out)
}

/// The manifest as published: its JSON, compressed.
pub fn manifest_bytes(manifest: &Manifest) -> Vec<u8> {
    gzip(manifest.to_json().as_bytes())
}

/// Why bytes are not a published manifest.
#[derive(Debug)]
pub enum ManifestError {
    /// They are not gzip.
    NotCompressed(std::io::Error),
    /// Their JSON is not a manifest.
    NotAManifest(serde_json::Error),
}

impl std::fmt::Display for ManifestError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::NotCompressed(e) => write!(f, "{MANIFEST_FILE}: not compressed: {e}"),
            Self::NotAManifest(e) => write!(f, "{MANIFEST_FILE}: not a manifest: {e}"),
        }
    }
}

impl std::error::Error for ManifestError {}

/// Reads what [`manifest_bytes`] wrote.
pub fn read_manifest(bytes: &[u8]) -> Result<Manifest, ManifestError> {
    let json = gunzip(bytes).map_err(ManifestError::NotCompressed)?;
    serde_json::from_slice(&json).map_err(ManifestError::NotAManifest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_manifest_reads_back_as_published_and_other_bytes_are_refused() {
        let pieces = vec![
            ("dictionary-0000-00000001.bin".to_string(), b"a".to_vec()),
            ("text-0003-00000002.bin".to_string(), b"bcd".to_vec()),
        ];
        let manifest = Manifest::of(&pieces, 2, &[]);
        let bytes = manifest_bytes(&manifest);
        assert!(liseuse_core::pieces::is_gzip(&bytes));
        assert_eq!(read_manifest(&bytes).unwrap(), manifest);
        let json = manifest.to_json();
        assert!(matches!(
            read_manifest(json.as_bytes()),
            Err(ManifestError::NotCompressed(_))
        ));
        assert!(matches!(
            read_manifest(&gzip(b"[1, 2]")),
            Err(ManifestError::NotAManifest(_))
        ));
        assert_eq!(gunzip(&gzip(b"")).unwrap(), b"");
    }
}
