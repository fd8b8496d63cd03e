// Question 6: Explain Tokio and where it is used.
//
// A telemetry collector reads frames from a device over a byte stream. A frame is a length
// (two bytes, big-endian) followed by that many bytes of UTF-8 text. The device writes when it
// likes: a frame may arrive in several pieces, with pauses between them. Every `every`, the
// collector sends the frames completed since the last batch to `out` (an empty batch, too: the
// server takes it as a heartbeat), so a batch must leave on time even while a frame is only
// half received. When the stream ends, the frames not sent yet go out as a last batch (if
// there are any) and `collect` returns.
//
// As written, a frame that is still arriving when a batch leaves is torn apart, and the frames
// after it come out as garbage. Fix `collect` so that no frame is lost or torn, whenever the
// batches leave, and every batch still leaves on time. Keep the signature of `collect`.

use std::io;
use std::time::Duration;

use tokio::io::{AsyncRead, AsyncReadExt};
use tokio::sync::mpsc;

/// Reads one frame; `None` at the end of the stream.
async fn read_frame<R: AsyncRead + Unpin>(link: &mut R) -> io::Result<Option<String>> {
    let len = match link.read_u16().await {
        Ok(len) => usize::from(len),
        Err(error) if error.kind() == io::ErrorKind::UnexpectedEof => return Ok(None),
        Err(error) => return Err(error),
    };
    let mut payload = vec![0; len];
    link.read_exact(&mut payload).await?;
    Ok(Some(String::from_utf8_lossy(&payload).into_owned()))
}

/// Reads frames from `link` until it ends, and sends them to `out` in a batch every `every`.
pub async fn collect<R: AsyncRead + Unpin>(
    mut link: R,
    every: Duration,
    out: mpsc::Sender<Vec<String>>,
) -> io::Result<()> {
    let mut timer = tokio::time::interval(every);
    timer.tick().await; // An interval's first tick is at once.
    let mut batch = Vec::new();
    loop {
        // When the timer wins a `select!`, the other branch's future is dropped, and with it
        // whatever `read_frame` had already taken from the stream (a length, half a
        // payload). So one frame's read is created once, outside the `select!`, and polled
        // through `&mut` until it completes, however many batches leave in the meantime.
        let mut reading = std::pin::pin!(read_frame(&mut link));
        let frame = loop {
            tokio::select! {
                frame = &mut reading => break frame?,
                _ = timer.tick() => {
                    let _ = out.send(std::mem::take(&mut batch)).await;
                }
            }
        };
        match frame {
            Some(frame) => batch.push(frame),
            None => break,
        }
    }
    if !batch.is_empty() {
        let _ = out.send(batch).await;
    }
    Ok(())
}
