//! Where a run keeps what it has committed: the checkpoints (the binlog position and its
//! progress, key-less counts, snapshot positions) and the units' full-copy progress. The
//! runner only talks to a [`Book`]: [`LocalBook`] keeps them in this host's state file (a task
//! without a coordinator, as always); `coord::ZkBook` keeps them in ZooKeeper so that workers
//! on several hosts share them, and refuses to write once its worker may have been replaced.

use crate::state::{Checkpoint, Store};
use crate::sync::error::SyncError;
use crate::sync::store::{SyncStore, UnitRow, task_key};

/// The committed progress of one task.
pub trait Book: Send + Sync {
    /// The checkpoint of unit `unit` (`__binlog__`, `__keyless__`, `__snapshot__:db.t`).
    fn checkpoint(&self, unit: &str) -> Result<Option<Checkpoint>, SyncError>;
    /// Every checkpoint of the task, by unit.
    fn checkpoints(&self) -> Result<Vec<Checkpoint>, SyncError>;
    fn save_checkpoint(
        &self,
        unit: &str,
        position: &serde_json::Value,
        progress: &serde_json::Value,
    ) -> Result<(), SyncError>;
    fn clear_checkpoint(&self, unit: &str) -> Result<(), SyncError>;
    /// The units of the task, by name.
    fn units(&self) -> Result<Vec<UnitRow>, SyncError>;
    fn save_unit(&self, u: &UnitRow) -> Result<(), SyncError>;
    /// Fails when this run may no longer write to the target (another worker may own the task
    /// now); called before every write to the sink, so it answers from memory.
    fn fence(&self) -> Result<(), SyncError>;
    /// Whether workers on other hosts share the task: its units are then copied under leases.
    fn shared(&self) -> bool {
        false
    }
    /// Take the lease on `unit` before copying it: true when this worker may copy it.
    fn take_unit(&self, _unit: &str) -> Result<bool, SyncError> {
        Ok(true)
    }
    /// Give the lease on `unit` back.
    fn release_unit(&self, _unit: &str) -> Result<(), SyncError> {
        Ok(())
    }
}

/// The task's progress in this host's state file.
pub struct LocalBook<'a> {
    pub name: &'a str,
    pub store: &'a Store,
    pub units: SyncStore<'a>,
}

impl Book for LocalBook<'_> {
    fn checkpoint(&self, unit: &str) -> Result<Option<Checkpoint>, SyncError> {
        Ok(self.store.checkpoint(&task_key(self.name), unit)?)
    }

    fn checkpoints(&self) -> Result<Vec<Checkpoint>, SyncError> {
        Ok(self.store.checkpoints(&task_key(self.name))?)
    }

    fn save_checkpoint(
        &self,
        unit: &str,
        position: &serde_json::Value,
        progress: &serde_json::Value,
    ) -> Result<(), SyncError> {
        Ok(self
            .store
            .checkpoint_save(&task_key(self.name), unit, position, progress)?)
    }

    fn clear_checkpoint(&self, unit: &str) -> Result<(), SyncError> {
        self.store
            .checkpoint_clear(&task_key(self.name), Some(unit))?;
        Ok(())
    }

    fn units(&self) -> Result<Vec<UnitRow>, SyncError> {
        self.units.units(self.name)
    }

    fn save_unit(&self, u: &UnitRow) -> Result<(), SyncError> {
        self.units.save_unit(self.name, u)
    }

    fn fence(&self) -> Result<(), SyncError> {
        Ok(())
    }
}
