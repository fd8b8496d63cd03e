//! A real browser for the tests of the HTML class report: Chromium in headless mode, driven by its
//! own command-line flags (no WebDriver): `--dump-dom` for the DOM it built from a page, and
//! `--screenshot` for what it drew. Found on PATH (`chromium`, `chromium-browser`,
//! `google-chrome-stable`, `google-chrome`), where macOS installs Google Chrome, or named by
//! `RUSTPREP_CHROMIUM`; a test without one says it is skipped.
//!
//! The DOM is read by a probe page: the page under test in an `<iframe>`, and a script of the
//! probe's own that, once everything has loaded, looks at the frame's document with the DOM's
//! own functions and writes what it found as JSON into the probe, which `--dump-dom` prints. The
//! page under test is opened unchanged (it may forbid scripts of its own).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use super::common;

/// The environment variable that names the browser to use.
pub const BROWSER_VAR: &str = "RUSTPREP_CHROMIUM";

const NAMES: [&str; 4] = [
    "chromium",
    "chromium-browser",
    "google-chrome-stable",
    "google-chrome",
];

/// Where macOS keeps Google Chrome, which is not on PATH there.
const MAC_CHROME: &str = "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome";

pub struct Chromium {
    program: PathBuf,
    /// A profile folder of this browser's own: runs in parallel share nothing.
    profile: PathBuf,
}

impl Chromium {
    /// The browser, with its profile in `scratch`; `None` when there is none here.
    pub fn find(scratch: &Path) -> Option<Self> {
        let program = match std::env::var_os(BROWSER_VAR) {
            Some(named) => PathBuf::from(named),
            None => {
                let path = std::env::var_os("PATH").unwrap_or_default();
                NAMES
                    .iter()
                    .flat_map(|name| std::env::split_paths(&path).map(move |d| d.join(name)))
                    .chain([PathBuf::from(MAC_CHROME)])
                    .find(|p| p.is_file())?
            }
        };
        Some(Self {
            program,
            profile: scratch.join("chromium-profile"),
        })
    }

    /// Runs the browser headless on `page` with `flags`; what it printed on standard output.
    fn run(&self, page: &Path, flags: &[&str]) -> String {
        let mut cmd = Command::new(&self.program);
        // The sandbox of Chromium's own needs user namespaces (refused on Ubuntu's runners) or a
        // user other than root; the pages opened here are the test's own.
        cmd.args([
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--no-default-browser-check",
            "--disable-extensions",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", self.profile.display()))
        .args(flags)
        .arg(url(page))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
        let shown = format!(
            "{} {} {}",
            self.program.display(),
            flags.join(" "),
            url(page)
        );
        let mut child = cmd
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {shown}: {e}"));
        let stdout = common::drain(child.stdout.take().unwrap());
        let stderr = common::drain(child.stderr.take().unwrap());
        let code = common::wait_or_kill(&mut child, &shown);
        let (stdout, stderr) = (stdout.join().unwrap(), stderr.join().unwrap());
        assert_eq!(
            code,
            Some(0),
            "`{shown}` failed\n{}",
            String::from_utf8_lossy(&stderr)
        );
        String::from_utf8_lossy(&stdout).into_owned()
    }

    /// What `script` finds in `page`'s DOM: the script runs in a probe page, once `page` (in the
    /// probe's frame) has loaded, with `doc` (the frame's document) and `win` (its window) in
    /// scope, and returns a value JSON can hold.
    pub fn probe(&self, page: &Path, script: &str) -> serde_json::Value {
        let probe = page.with_file_name("probe.html");
        let name = page.file_name().unwrap().to_str().unwrap();
        std::fs::write(&probe, probe_page(name, script)).unwrap();
        // A frame's document is readable from its parent only when both have the same origin,
        // which files have only with this flag.
        let dom = self.run(&probe, &["--allow-file-access-from-files", "--dump-dom"]);
        let facts = dom
            .split_once("<pre id=\"facts\">")
            .and_then(|(_, rest)| rest.split_once("</pre>"))
            .map(|(facts, _)| facts)
            .unwrap_or_else(|| panic!("the probe wrote no facts:\n{dom}"));
        serde_json::from_str(facts).unwrap_or_else(|e| panic!("{e}: {facts}"))
    }

    /// Draws `page` in a window of `width` × `height` pixels into the PNG file `png`.
    pub fn screenshot(&self, page: &Path, png: &Path, (width, height): (u32, u32)) {
        self.run(
            page,
            &[
                &format!("--screenshot={}", png.display()),
                &format!("--window-size={width},{height}"),
            ],
        );
    }
}

/// The probe for the page `name` beside it. Its facts are JSON with `<`, `>` and `&` written as
/// `\u` escapes, so that the DOM's serialization leaves them as they are.
fn probe_page(name: &str, script: &str) -> String {
    format!(
        r#"<!DOCTYPE html>
<meta charset="utf-8">
<iframe id="page" src="{name}" style="width:1280px;height:900px"></iframe>
<pre id="facts"></pre>
<script>
window.addEventListener("load", () => {{
  const frame = document.getElementById("page");
  const doc = frame.contentDocument;
  const win = frame.contentWindow;
  const facts = (() => {{ {script} }})();
  document.getElementById("facts").textContent = JSON.stringify(facts)
    .replace(/[<>&]/g, c => "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0"));
}});
</script>
"#
    )
}

fn url(page: &Path) -> String {
    format!("file://{}", std::path::absolute(page).unwrap().display())
}

/// A PNG's width and height, from its signature and header chunk; `None` if it is no PNG.
pub fn png_size(bytes: &[u8]) -> Option<(u32, u32)> {
    let number = |at: usize| Some(u32::from_be_bytes(bytes.get(at..at + 4)?.try_into().ok()?));
    (bytes.starts_with(b"\x89PNG\r\n\x1a\n") && bytes.get(12..16) == Some(b"IHDR"))
        .then(|| Some((number(16)?, number(20)?)))
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_png_header_gives_its_size_and_anything_else_none() {
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
        png.extend_from_slice(&1280u32.to_be_bytes());
        png.extend_from_slice(&900u32.to_be_bytes());
        assert_eq!(png_size(&png), Some((1280, 900)));
        assert_eq!(png_size(&png[..20]), None);
        assert_eq!(png_size(b"GIF89a"), None);
    }
}
