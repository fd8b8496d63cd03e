use super::*;

use ::std::future::poll_fn;
use ::std::pin::pin;
use ::std::sync::Arc;
use ::std::task::Poll;
use ::std::time::Duration;
use tokio::sync::oneshot;

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

#[test]
fn the_signatures_stay() {
    let _: fn(&[(&str, u64)]) -> Ledger = Ledger::new;
    let _: fn(&Ledger, &str) -> Option<u64> = Ledger::balance;
}

#[tokio::test]
async fn approved_and_rejected_transfers() {
    let ledger = Ledger::new(&[("ana", 10_000), ("bo", 500)]);
    assert_eq!(
        ledger.transfer("ana", "bo", 2_500, async { true }).await,
        Ok(())
    );
    assert_eq!(
        balances(&ledger, &["ana", "bo"]),
        [Some(7_500), Some(3_000)]
    );
    assert_eq!(
        ledger.transfer("bo", "ana", 1_000, async { false }).await,
        Err(TransferError::Rejected)
    );
    assert_eq!(
        balances(&ledger, &["ana", "bo"]),
        [Some(7_500), Some(3_000)]
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
}

#[tokio::test]
async fn the_amount_is_held_while_the_verdict_is_awaited() {
    let ledger = Ledger::new(&[("ana", 100), ("bo", 0), ("cy", 0)]);
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
}

#[tokio::test]
async fn a_transfer_dropped_while_waiting_gives_the_money_back() {
    for cents in [1, 40, 99, 100] {
        let ledger = Ledger::new(&[("ana", 100), ("bo", 5)]);
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
    }
}

#[tokio::test(start_paused = true)]
async fn a_timed_out_transfer_gives_the_money_back() {
    let ledger = Ledger::new(&[("ana", 800), ("bo", 0)]);
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
    let ledger = Ledger::new(&[("ana", 60), ("bo", 0)]);
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
    let ledger = Ledger::new(&[("ana", 500), ("bo", 0)]);
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
}

#[tokio::test]
async fn money_is_never_created_or_lost() {
    let names = ["ana", "bo", "cy", "dee"];
    let ledger = Ledger::new(&[("ana", 1_000), ("bo", 1_000), ("cy", 1_000), ("dee", 1_000)]);
    let mut expected = [1_000_u64; 4];
    for round in 0..40_usize {
        let (from, to) = (round % 4, (round * 3 + 1) % 4);
        let cents = (round as u64 * 37) % 300 + 1;
        let (answer, verdict) = verdict_by_hand();
        let mut transfer = Box::pin(ledger.transfer(names[from], names[to], cents, verdict));
        if poll_once(transfer.as_mut()).await.is_ready() {
            continue; // Not enough money: nothing moved.
        }
        match round % 3 {
            0 => drop(transfer),
            1 => {
                answer.send(false).unwrap();
                assert_eq!(transfer.await, Err(TransferError::Rejected));
            }
            _ => {
                answer.send(true).unwrap();
                assert_eq!(transfer.await, Ok(()));
                expected[from] -= cents;
                expected[to] += cents;
            }
        }
    }
    let got: Vec<u64> = names.iter().map(|n| ledger.balance(n).unwrap()).collect();
    assert_eq!(got, expected);
    assert_eq!(got.iter().sum::<u64>(), 4_000);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn transfers_run_as_spawned_tasks() {
    let ledger = Arc::new(Ledger::new(&[("ana", 900), ("bo", 0)]));
    let probe = ledger.transfer("ana", "bo", 1, async { true });
    assert_send(&probe);
    drop(probe);
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
}
