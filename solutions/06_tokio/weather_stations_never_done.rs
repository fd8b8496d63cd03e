// Question 6: Explain Tokio and where it is used.
//
// Weather stations report their readings over a Tokio mpsc channel: one producer task per
// station, one collector that gathers everything. The collector receives every reading,
// but `collect_readings` never returns.
//
// Find out what the collector is still waiting for and make `collect_readings` return once
// every station has stopped sending. Keep the channel and the tasks. A station may stop
// early (a broken sensor, see `Station`), so nobody knows in advance how many readings
// will come.

use std::collections::BTreeMap;

use tokio::sync::mpsc;

pub struct Station {
    pub name: String,
    /// A NaN reading means the sensor broke: the station stops reporting there.
    pub readings: Vec<f32>,
}

/// Every station's readings, in the order each station sent them.
/// Stations that have no readings do not appear.
pub async fn collect_readings(stations: Vec<Station>) -> BTreeMap<String, Vec<f32>> {
    // A small buffer: a producer waits when the collector falls behind.
    let (tx, mut rx) = mpsc::channel::<(String, f32)>(4);

    for station in stations {
        let tx = tx.clone();
        tokio::spawn(async move {
            for reading in station.readings {
                if reading.is_nan() {
                    return; // a broken sensor: nothing more from this station
                }
                if tx.send((station.name.clone(), reading)).await.is_err() {
                    return; // the collector is gone
                }
            }
        });
    }

    // `recv` returns `None` only once every `Sender` is gone. Each producer drops its clone
    // when it finishes; this original would stay alive until the function returns.
    drop(tx);

    let mut by_station: BTreeMap<String, Vec<f32>> = BTreeMap::new();
    while let Some((name, reading)) = rx.recv().await {
        by_station.entry(name).or_default().push(reading);
    }
    by_station
}
