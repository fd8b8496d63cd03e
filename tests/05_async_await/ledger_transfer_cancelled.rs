use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

use ::std::future::Future;
use ::std::marker::Send;
use ::std::mem::drop;
use ::tokio;
use tokio::sync::mpsc;

use ::std::future::poll_fn;
use ::std::pin::pin;
use ::std::sync::Arc;
use ::std::task::{Context, Poll, Wake, Waker};
use ::std::time::Duration;
use tokio::sync::mpsc::error::TryRecvError;
use tokio::sync::oneshot;

/// A ledger whose journal has room for `room` entries, the journal's reading end, and a sender
/// of the test's own, with which it fills the journal by hand.
fn ledger_with(
    accounts: &[(&str, u64)],
    room: usize,
) -> (Ledger, mpsc::Receiver<Entry>, mpsc::Sender<Entry>) {
    let (journal, entries) = mpsc::channel(room);
    (Ledger::new(accounts, journal.clone()), entries, journal)
}

fn entry(from: &str, to: &str, cents: u64) -> Entry {
    Entry {
        from: from.to_owned(),
        to: to.to_owned(),
        cents,
    }
}

/// An entry the test writes itself, to fill the journal.
fn filler() -> Entry {
    entry("filler", "filler", 0)
}

/// A verdict the test gives later, by hand (a dropped sender means "rejected").
fn verdict_by_hand() -> (oneshot::Sender<bool>, impl Future<Output = bool>) {
    let (tx, rx) = oneshot::channel();
    (tx, async move { rx.await.unwrap_or(false) })
}

/// Polls `future` once, from inside the test's task.
async fn poll_once<F: Future>(future: ::std::pin::Pin<&mut F>) -> Poll<F::Output> {
    let mut future = Some(future);
    poll_fn(|cx| Poll::Ready(future.take().unwrap().poll(cx))).await
}

fn balances(ledger: &Ledger, names: &[&str]) -> Vec<Option<u64>> {
    names.iter().map(|name| ledger.balance(name)).collect()
}

fn assert_send<T: Send>(_: &T) {}

/// The signature of `Ledger::new`.
type New = fn(&[(&str, u64)], mpsc::Sender<Entry>) -> Ledger;

#[test]
fn the_signatures_stay() {
    let _: New = Ledger::new;
    let _: fn(&Ledger, &str) -> Option<u64> = Ledger::balance;
}

#[tokio::test]
async fn approved_and_rejected_transfers() {
    let (ledger, mut journal, _) = ledger_with(&[("ana", 10_000), ("bo", 500)], 8);
    assert_eq!(
        ledger.transfer("ana", "bo", 2_500, async { true }).await,
        Ok(())
    );
    assert_eq!(journal.try_recv(), Ok(entry("ana", "bo", 2_500)));
    assert_eq!(
        balances(&ledger, &["ana", "bo"]),
        [Some(7_500), Some(3_000)]
    );
    assert_eq!(
        ledger.transfer("bo", "ana", 1_000, async { false }).await,
        Err(TransferError::Rejected)
    );
    assert_eq!(
        ledger.transfer("bo", "ana", 3_001, async { true }).await,
        Err(TransferError::InsufficientFunds)
    );
    assert_eq!(
        ledger.transfer("bo", "cy", 1, async { true }).await,
        Err(TransferError::UnknownAccount)
    );
    assert_eq!(
        ledger.transfer("cy", "bo", 1, async { true }).await,
        Err(TransferError::UnknownAccount)
    );
    assert_eq!(
        balances(&ledger, &["ana", "bo"]),
        [Some(7_500), Some(3_000)]
    );
    assert_eq!(
        journal.try_recv(),
        Err(TryRecvError::Empty),
        "only completed transfers are journaled"
    );
}

#[tokio::test]
async fn the_amount_is_held_while_the_verdict_is_awaited() {
    let (ledger, mut journal, _) = ledger_with(&[("ana", 100), ("bo", 0), ("cy", 0)], 8);
    let (approve, verdict) = verdict_by_hand();
    let mut first = pin!(ledger.transfer("ana", "bo", 70, verdict));
    assert!(poll_once(first.as_mut()).await.is_pending());
    assert_eq!(
        ledger.balance("ana"),
        Some(30),
        "while its verdict is awaited, the 70 must be held: off ana's balance"
    );
    assert_eq!(
        ledger.transfer("ana", "cy", 50, async { true }).await,
        Err(TransferError::InsufficientFunds),
        "a second transfer spent money that the first one holds"
    );
    approve.send(true).unwrap();
    assert_eq!(first.await, Ok(()));
    assert_eq!(
        balances(&ledger, &["ana", "bo", "cy"]),
        [Some(30), Some(70), Some(0)]
    );
    assert_eq!(journal.try_recv(), Ok(entry("ana", "bo", 70)));
}

#[tokio::test]
async fn a_transfer_dropped_while_waiting_gives_the_money_back() {
    for cents in [1, 40, 99, 100] {
        let (ledger, mut journal, _) = ledger_with(&[("ana", 100), ("bo", 5)], 8);
        let (_approve, verdict) = verdict_by_hand();
        {
            let mut transfer = pin!(ledger.transfer("ana", "bo", cents, verdict));
            assert!(poll_once(transfer.as_mut()).await.is_pending());
            assert_eq!(ledger.balance("ana"), Some(100 - cents));
        } // The caller gives up: the transfer future is dropped here.
        assert_eq!(
            balances(&ledger, &["ana", "bo"]),
            [Some(100), Some(5)],
            "a transfer of {cents} was dropped while waiting for its verdict: the held money \
             must go back to the payer"
        );
        assert_eq!(journal.try_recv(), Err(TryRecvError::Empty));
    }
}

#[tokio::test(start_paused = true)]
async fn a_timed_out_transfer_gives_the_money_back() {
    let (ledger, _journal, _) = ledger_with(&[("ana", 800), ("bo", 0)], 8);
    let slow_verdict = async {
        tokio::time::sleep(Duration::from_secs(30)).await;
        true
    };
    let outcome = tokio::time::timeout(
        Duration::from_secs(2),
        ledger.transfer("ana", "bo", 300, slow_verdict),
    )
    .await;
    assert!(outcome.is_err(), "the transfer should have timed out");
    assert_eq!(balances(&ledger, &["ana", "bo"]), [Some(800), Some(0)]);
    // The ledger is still usable, and the money that came back can be spent.
    assert_eq!(
        ledger.transfer("ana", "bo", 800, async { true }).await,
        Ok(())
    );
    assert_eq!(balances(&ledger, &["ana", "bo"]), [Some(0), Some(800)]);
}

#[tokio::test]
async fn a_transfer_that_loses_a_select_gives_the_money_back() {
    let (ledger, _journal, _) = ledger_with(&[("ana", 60), ("bo", 0)], 8);
    let (_approve, verdict) = verdict_by_hand();
    let (stop, stopped) = oneshot::channel::<()>();
    stop.send(()).unwrap();
    tokio::select! {
        _ = ledger.transfer("ana", "bo", 45, verdict) => panic!("the verdict never came"),
        _ = stopped => {}
    }
    assert_eq!(balances(&ledger, &["ana", "bo"]), [Some(60), Some(0)]);
}

#[tokio::test]
async fn a_completed_transfer_stays_completed() {
    let (ledger, mut journal, _) = ledger_with(&[("ana", 500), ("bo", 0)], 8);
    let (approve, verdict) = verdict_by_hand();
    let mut transfer = Box::pin(ledger.transfer("ana", "bo", 200, verdict));
    assert!(poll_once(transfer.as_mut()).await.is_pending());
    approve.send(true).unwrap();
    assert_eq!(poll_once(transfer.as_mut()).await, Poll::Ready(Ok(())));
    drop(transfer);
    assert_eq!(
        balances(&ledger, &["ana", "bo"]),
        [Some(300), Some(200)],
        "a completed transfer gave money back when its future was dropped"
    );
    assert_eq!(journal.try_recv(), Ok(entry("ana", "bo", 200)));
}

#[tokio::test]
async fn a_transfer_given_up_while_the_journal_is_full_leaves_no_trace() {
    let (ledger, mut journal, filling) = ledger_with(&[("ana", 1_000), ("bo", 100)], 1);
    filling.try_send(filler()).unwrap();
    let mut transfer = Box::pin(ledger.transfer("ana", "bo", 250, async { true }));
    assert!(
        poll_once(transfer.as_mut()).await.is_pending(),
        "the journal is full: an approved transfer waits for room in it"
    );
    assert_eq!(
        ledger.balance("bo"),
        Some(100),
        "the transfer is waiting for room in the journal, and may never get it, yet bo already \
         has the money: if its caller gives up now, the transfer must leave no trace"
    );
    drop(transfer); // The caller gives up.
    assert_eq!(
        balances(&ledger, &["ana", "bo"]),
        [Some(1_000), Some(100)],
        "a transfer given up while it waited for room in the journal must leave no trace"
    );
    assert_eq!(journal.try_recv(), Ok(filler()));
    assert_eq!(journal.try_recv(), Err(TryRecvError::Empty));

    // The same transfer, with a caller that waits: it completes once the auditors read.
    filling.try_send(filler()).unwrap();
    let mut transfer = Box::pin(ledger.transfer("ana", "bo", 250, async { true }));
    assert!(poll_once(transfer.as_mut()).await.is_pending());
    assert_eq!(journal.recv().await, Some(filler()));
    assert_eq!(transfer.await, Ok(()));
    assert_eq!(
        journal.try_recv(),
        Ok(entry("ana", "bo", 250)),
        "a completed transfer's entry is in the journal when `transfer` returns"
    );
    assert_eq!(balances(&ledger, &["ana", "bo"]), [Some(750), Some(350)]);
}

#[tokio::test(start_paused = true)]
async fn a_transfer_waiting_for_its_verdict_keeps_no_room_from_others() {
    let (ledger, mut journal, _) = ledger_with(&[("ana", 100), ("bo", 0), ("cy", 90)], 1);
    let (approve, verdict) = verdict_by_hand();
    let mut waiting = Box::pin(ledger.transfer("ana", "bo", 10, verdict));
    assert!(poll_once(waiting.as_mut()).await.is_pending());
    let other = tokio::time::timeout(
        Duration::from_secs(60),
        ledger.transfer("cy", "bo", 20, async { true }),
    )
    .await;
    assert_eq!(
        other,
        Ok(Ok(())),
        "an approved transfer from cy, to a journal with room for one entry, could not \
         complete while a transfer from ana waited for its verdict"
    );
    assert_eq!(journal.try_recv(), Ok(entry("cy", "bo", 20)));
    approve.send(true).unwrap();
    assert_eq!(waiting.await, Ok(()));
    assert_eq!(journal.try_recv(), Ok(entry("ana", "bo", 10)));
    assert_eq!(
        balances(&ledger, &["ana", "bo", "cy"]),
        [Some(90), Some(30), Some(70)]
    );
}

/// Notes bo's balance at the very moment it is woken: when the journal's first entry arrives,
/// before the auditor could even run.
struct BalanceAtWake {
    ledger: Arc<Ledger>,
    seen: ::std::sync::Mutex<Vec<Option<u64>>>,
}

impl Wake for BalanceAtWake {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }

    fn wake_by_ref(self: &Arc<Self>) {
        self.seen.lock().unwrap().push(self.ledger.balance("bo"));
    }
}

#[tokio::test]
async fn an_auditor_never_reads_an_entry_before_its_money_moved() {
    let (journal, mut entries) = mpsc::channel(4);
    let ledger = Arc::new(Ledger::new(&[("ana", 300), ("bo", 0)], journal));
    let auditor = Arc::new(BalanceAtWake {
        ledger: Arc::clone(&ledger),
        seen: Default::default(),
    });
    let waker = Waker::from(Arc::clone(&auditor));
    // The auditor waits for an entry.
    assert!(
        entries
            .poll_recv(&mut Context::from_waker(&waker))
            .is_pending()
    );
    assert_eq!(
        ledger.transfer("ana", "bo", 120, async { true }).await,
        Ok(())
    );
    let seen = auditor.seen.lock().unwrap().clone();
    assert!(!seen.is_empty(), "the waiting auditor was never woken");
    assert!(
        seen.iter().all(|&bo| bo == Some(120)),
        "the auditor was woken by the entry of 120 from ana to bo when bo had {seen:?}: it \
         could read the entry before the money moved"
    );
    assert_eq!(entries.try_recv(), Ok(entry("ana", "bo", 120)));
}

#[tokio::test]
async fn a_closed_journal_completes_no_transfer() {
    let (journal, entries) = mpsc::channel(4);
    let ledger = Ledger::new(&[("ana", 300), ("bo", 0)], journal);
    drop(entries); // The auditors are gone.
    assert_eq!(
        ledger.transfer("ana", "bo", 120, async { true }).await,
        Err(TransferError::JournalClosed)
    );
    assert_eq!(
        balances(&ledger, &["ana", "bo"]),
        [Some(300), Some(0)],
        "a transfer that could not be journaled must leave no trace"
    );
}

#[tokio::test]
async fn money_is_never_created_or_lost() {
    let names = ["ana", "bo", "cy", "dee"];
    let accounts = [("ana", 1_000), ("bo", 1_000), ("cy", 1_000), ("dee", 1_000)];
    let (ledger, mut journal, filling) = ledger_with(&accounts, 1);
    let mut expected = [1_000_u64; 4];
    for round in 0..48_usize {
        let (from, to) = (round % 4, (round * 3 + 1) % 4);
        let cents = (round as u64 * 37) % 300 + 1;
        let (answer, verdict) = verdict_by_hand();
        let mut transfer = Box::pin(ledger.transfer(names[from], names[to], cents, verdict));
        if poll_once(transfer.as_mut()).await.is_ready() {
            continue; // Not enough money: nothing moved.
        }
        let ending = [
            "dropped at its verdict",
            "rejected",
            "approved",
            "dropped at a full journal",
        ][round % 4];
        match round % 4 {
            0 => drop(transfer),
            1 => {
                answer.send(false).unwrap();
                assert_eq!(transfer.await, Err(TransferError::Rejected));
            }
            2 => {
                answer.send(true).unwrap();
                assert_eq!(transfer.await, Ok(()));
                assert_eq!(journal.try_recv(), Ok(entry(names[from], names[to], cents)));
                expected[from] -= cents;
                expected[to] += cents;
            }
            _ => {
                filling
                    .try_send(filler())
                    .expect("no transfer holds room in the journal before its verdict");
                answer.send(true).unwrap();
                assert!(poll_once(transfer.as_mut()).await.is_pending());
                drop(transfer);
                assert_eq!(journal.try_recv(), Ok(filler()));
            }
        }
        let got: Vec<u64> = names.iter().map(|n| ledger.balance(n).unwrap()).collect();
        assert_eq!(
            got, expected,
            "round {round}: balances of {names:?} after a transfer of {cents} from {} to {}, \
             {ending}",
            names[from], names[to]
        );
    }
    assert_eq!(journal.try_recv(), Err(TryRecvError::Empty));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn transfers_run_as_spawned_tasks() {
    let (journal, mut entries) = mpsc::channel(2);
    let ledger = Arc::new(Ledger::new(&[("ana", 900), ("bo", 0)], journal));
    let probe = ledger.transfer("ana", "bo", 1, async { true });
    assert_send(&probe);
    drop(probe);
    let auditor = tokio::spawn(async move {
        let mut read = 0;
        while entries.recv().await.is_some() {
            read += 1;
        }
        read
    });
    let mut tasks = Vec::new();
    for _ in 0..9 {
        let ledger = Arc::clone(&ledger);
        tasks.push(tokio::spawn(async move {
            ledger.transfer("ana", "bo", 100, async { true }).await
        }));
    }
    for task in tasks {
        assert_eq!(task.await.unwrap(), Ok(()));
    }
    assert_eq!(balances(&ledger, &["ana", "bo"]), [Some(0), Some(900)]);
    drop(ledger); // Closes the journal: the auditor reads what is left, then stops.
    assert_eq!(auditor.await.unwrap(), 9);
}
